package io.resourceplans.storage.billing;

import io.resourceplans.domain.billing.Voucher;
import io.resourceplans.domain.billing.VoucherRepository;
import io.resourceplans.domain.billing.VoucherState;
import io.resourceplans.domain.common.Cursor;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import java.time.Instant;
import java.util.Optional;

/** {@link VoucherRepository} over {@link VoucherDao}. */
public final class JdbiVoucherRepository implements VoucherRepository {
  private final VoucherDao dao;

  public JdbiVoucherRepository(VoucherDao dao) {
    this.dao = dao;
  }

  @Override
  public void insert(Voucher voucher) {
    dao.insert(VoucherRow.of(voucher));
  }

  @Override
  public Optional<Voucher> lock(String accountId, String voucherId) {
    return dao.lock(accountId, voucherId).map(VoucherRow::toDomain);
  }

  @Override
  public boolean markUsed(String accountId, String voucherId, String orderId, Instant useTime) {
    return dao.markUsed(accountId, voucherId, orderId, useTime) == 1;
  }

  @Override
  public Page<Voucher> list(String accountId, VoucherState state, Instant now, PageRequest page) {
    Cursor after = page.after().orElse(null);
    var rows =
        dao.list(
            accountId,
            state == null ? null : state.name(),
            now,
            after == null ? null : after.createTime(),
            after == null ? null : after.id(),
            page.size() + 1);
    return Page.fromOverfetch(
        rows.stream().map(VoucherRow::toDomain).toList(),
        page,
        v -> new Cursor(v.expireTime(), v.voucherId()));
  }
}
