package io.resourceplans.storage.billing;

import io.resourceplans.domain.billing.Wallet;
import io.resourceplans.domain.billing.WalletRepository;
import io.resourceplans.storage.db.HeldWrites;
import io.resourceplans.storage.db.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link WalletRepository} on {@code wallets}, in plain JDBC: pay-as-you-go usage charges a wallet
 * on every message, so these statements skip JDBI's SqlObject layer (see {@link Sql}).
 */
public final class SqlWalletRepository implements WalletRepository {
  private static final String COLUMNS =
      "account_id, currency, cash_balance, gift_balance, credit_line, credit_used, update_time";

  private final Sql sql;

  public SqlWalletRepository(Sql sql) {
    this.sql = sql;
  }

  /** The wallet row, locked for the transaction; created empty first if the account has none. */
  @Override
  public Wallet lockOrCreate(String accountId, String currency, Instant now) {
    Optional<Wallet> locked = lock(accountId);
    if (locked.isPresent()) {
      return locked.get();
    }
    sql.update("""
        insert into wallets (account_id, currency, cash_balance, gift_balance, credit_line, credit_used, update_time)
        values (?, ?, 0, 0, 0, 0, ?)
        on conflict (account_id) do nothing
        """, accountId, currency, now);
    return lock(accountId).orElseThrow(() -> new IllegalStateException("wallet of " + accountId + " not created"));
  }

  @Override
  public Optional<Wallet> find(String accountId) {
    return sql.one("select " + COLUMNS + " from wallets where account_id = ?", SqlWalletRepository::row, accountId);
  }

  /** Held ({@link HeldWrites}); the row must exist (it was locked by {@link #lockOrCreate}). */
  @Override
  public void update(Wallet w) {
    sql.hold("""
        update wallets
           set cash_balance = ?, gift_balance = ?, credit_line = ?, credit_used = ?, update_time = ?
         where account_id = ?
        """, 1, "wallet of " + w.accountId(),
        w.cash().amount(), w.gift().amount(), w.creditLine().amount(), w.creditUsed().amount(), w.updateTime(),
        w.accountId());
  }

  private Optional<Wallet> lock(String accountId) {
    return sql.one("select " + COLUMNS + " from wallets where account_id = ? for update", SqlWalletRepository::row,
        accountId);
  }

  private static Wallet row(ResultSet rs) throws SQLException {
    return new WalletRow(
        rs.getString("account_id"), rs.getString("currency"), rs.getBigDecimal("cash_balance"),
        rs.getBigDecimal("gift_balance"), rs.getBigDecimal("credit_line"), rs.getBigDecimal("credit_used"),
        Sql.instant(rs, "update_time")).toDomain();
  }
}
