package io.resourceplans.storage.billing;

import io.resourceplans.domain.billing.BalanceKind;
import io.resourceplans.domain.billing.LedgerEntry;
import io.resourceplans.domain.billing.LedgerEntryKind;
import io.resourceplans.domain.billing.LedgerRepository;
import io.resourceplans.domain.common.Cursor;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;

/** {@link LedgerRepository} over {@link LedgerDao}. */
public final class JdbiLedgerRepository implements LedgerRepository {
  private final LedgerDao dao;

  public JdbiLedgerRepository(LedgerDao dao) {
    this.dao = dao;
  }

  @Override
  public void insert(LedgerEntry entry) {
    dao.insert(LedgerEntryRow.of(entry));
  }

  @Override
  public Page<LedgerEntry> list(String accountId, BalanceKind balanceKind, LedgerEntryKind kind, PageRequest page) {
    Cursor before = page.after().orElse(null);
    var rows =
        dao.list(
            accountId,
            balanceKind == null ? null : balanceKind.name(),
            kind == null ? null : kind.name(),
            before == null ? null : before.createTime(),
            before == null ? null : before.id(),
            page.size() + 1);
    return Page.fromOverfetch(
        rows.stream().map(LedgerEntryRow::toDomain).toList(),
        page,
        e -> new Cursor(e.createTime(), e.ledgerEntryId()));
  }
}
