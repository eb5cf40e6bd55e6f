package io.resourceplans.domain.billing;

import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import java.time.Instant;
import java.util.Optional;

/** Vouchers, scoped by account. */
public interface VoucherRepository {
  void insert(Voucher voucher);

  /** The voucher, locked until the transaction ends. */
  Optional<Voucher> lock(String accountId, String voucherId);

  /** Marks the voucher used by the order; false if it was already used. */
  boolean markUsed(String accountId, String voucherId, String orderId, Instant useTime);

  /** Soonest expiry first (cursor time = expire time); a null state matches every voucher. */
  Page<Voucher> list(String accountId, VoucherState state, Instant now, PageRequest page);
}
