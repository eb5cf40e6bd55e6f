package io.resourceplans.storage.billing;

import io.resourceplans.domain.billing.BalanceKind;
import io.resourceplans.domain.billing.LedgerEntry;
import io.resourceplans.domain.billing.LedgerEntryKind;
import io.resourceplans.domain.billing.LedgerRepository;
import io.resourceplans.domain.common.Cursor;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.storage.db.Sql;
import java.util.function.Supplier;

/** {@link LedgerRepository}: entries written in plain JDBC, listed through {@link LedgerDao}. */
public final class JdbiLedgerRepository implements LedgerRepository {
  private final Supplier<LedgerDao> dao;
  private final Sql sql;

  public JdbiLedgerRepository(Supplier<LedgerDao> dao, Sql sql) {
    this.dao = dao;
    this.sql = sql;
  }

  /**
   * Plain JDBC, sent with the next round trip: pay-as-you-go usage writes an entry on every
   * message (see {@link Sql}).
   */
  @Override
  public void insert(LedgerEntry e) {
    sql.later("""
        insert into ledger_entries (account_id, ledger_entry_id, kind, balance_kind, amount, balance_after,
                                    currency, order_id, usage_id, description, create_time)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, 1, "ledger entry " + e.ledgerEntryId(),
        e.accountId(), e.ledgerEntryId(), e.kind().name(), e.balanceKind().name(), e.amount().amount(),
        e.balanceAfter().amount(), e.amount().currency(), e.orderId(), e.usageId(), e.description(), e.createTime());
  }

  @Override
  public Page<LedgerEntry> list(String accountId, BalanceKind balanceKind, LedgerEntryKind kind, PageRequest page) {
    Cursor before = page.after().orElse(null);
    var rows =
        dao.get().list(
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
