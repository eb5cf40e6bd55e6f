package io.resourceplans.storage.billing;

import io.resourceplans.domain.billing.BalanceKind;
import io.resourceplans.domain.billing.LedgerEntry;
import io.resourceplans.domain.billing.LedgerEntryKind;
import io.resourceplans.domain.billing.LedgerRepository;
import io.resourceplans.domain.common.Cursor;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.money.Money;
import io.resourceplans.storage.db.HeldWrites;
import java.math.BigDecimal;
import io.resourceplans.storage.db.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * {@link LedgerRepository} on {@code ledger_entries}, in plain JDBC: pay-as-you-go usage writes an
 * entry on every message (see {@link Sql}).
 */
public final class SqlLedgerRepository implements LedgerRepository {
  private static final String COLUMNS = """
      account_id, ledger_entry_id, kind, balance_kind, amount, balance_after, currency,
      order_id, usage_id, description, create_time
      """;

  private final Sql sql;

  public SqlLedgerRepository(Sql sql) {
    this.sql = sql;
  }

  /** One range of the account's newest-first index ({@code ledger_entries_newest_first}). */
  @Override
  public Money payAsYouGoSpend(String accountId, Instant from, Instant to, String currency) {
    BigDecimal spent = sql.one("""
        select coalesce(-sum(amount), 0) from ledger_entries
         where account_id = ? and create_time >= ? and create_time < ?
           and kind in ('USAGE_CHARGE', 'HOLD', 'HOLD_RELEASE')
        """, rs -> rs.getBigDecimal(1), accountId, from, to).orElseThrow();
    return new Money(spent.setScale(2, java.math.RoundingMode.UNNECESSARY), currency);
  }

  /** Held: the caller reads nothing back ({@link HeldWrites}). */
  @Override
  public void insert(LedgerEntry e) {
    sql.hold("insert into ledger_entries (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        1, "ledger entry " + e.ledgerEntryId(),
        e.accountId(), e.ledgerEntryId(), e.kind().name(), e.balanceKind().name(), e.amount().amount(),
        e.balanceAfter().amount(), e.amount().currency(), e.orderId(), e.usageId(), e.description(), e.createTime());
  }

  /** Newest first; {@code balanceKind} and {@code kind} filter when not null. */
  @Override
  public Page<LedgerEntry> list(String accountId, BalanceKind balanceKind, LedgerEntryKind kind, PageRequest page) {
    Cursor before = page.after().orElse(null);
    String balance = balanceKind == null ? null : balanceKind.name();
    String entryKind = kind == null ? null : kind.name();
    Instant beforeTime = before == null ? null : before.createTime();
    String beforeId = before == null ? null : before.id();
    var rows = sql.list("select " + COLUMNS + """
          from ledger_entries
         where account_id = ?
           and (cast(? as text) is null or balance_kind = ?)
           and (cast(? as text) is null or kind = ?)
           and (cast(? as timestamptz) is null or (create_time, ledger_entry_id) < (?, ?))
         order by create_time desc, ledger_entry_id desc
         limit ?
        """, SqlLedgerRepository::row,
        accountId, balance, balance, entryKind, entryKind, beforeTime, beforeTime, beforeId, page.size() + 1);
    return Page.fromOverfetch(rows, page, e -> new Cursor(e.createTime(), e.ledgerEntryId()));
  }

  private static LedgerEntry row(ResultSet rs) throws SQLException {
    return new LedgerEntryRow(
        rs.getString("account_id"), rs.getString("ledger_entry_id"), rs.getString("kind"),
        rs.getString("balance_kind"), rs.getBigDecimal("amount"), rs.getBigDecimal("balance_after"),
        rs.getString("currency"), rs.getString("order_id"), rs.getString("usage_id"), rs.getString("description"),
        Sql.instant(rs, "create_time")).toDomain();
  }
}
