package io.resourceplans.storage.quota;

import io.resourceplans.domain.billing.Wallet;
import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.money.Money;
import io.resourceplans.domain.quota.QuotaFacts;
import io.resourceplans.domain.quota.QuotaFactsRepository;
import io.resourceplans.storage.db.Sql;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** {@link QuotaFactsRepository} as one call of rp_quota_facts (R__usage_functions.sql). */
public final class SqlQuotaFactsRepository implements QuotaFactsRepository {
  private final Sql sql;

  public SqlQuotaFactsRepository(Sql sql) {
    this.sql = sql;
  }

  @Override
  public QuotaFacts read(
      String accountId, String productId, String regionId, Purpose purpose, long quantity, Instant now) {
    return sql.one("select * from rp_quota_facts(?, ?, ?, ?, ?, ?)", rs -> facts(rs, accountId, quantity),
        accountId, productId, regionId, purpose.name(), quantity, now).orElseThrow();
  }

  /** The current row of rp_quota_facts (or rp_quota_facts_many) for a request of {@code quantity}. */
  static QuotaFacts facts(ResultSet rs, String accountId, long quantity) throws SQLException {
    BigDecimal unitPrice = rs.getBigDecimal("unit_price");
    String walletCurrency = rs.getString("currency");
    Optional<Wallet> wallet =
        walletCurrency == null
            ? Optional.empty()
            : Optional.of(new Wallet(accountId,
                new Money(rs.getBigDecimal("cash_balance"), walletCurrency),
                new Money(rs.getBigDecimal("gift_balance"), walletCurrency),
                new Money(rs.getBigDecimal("credit_line"), walletCurrency),
                new Money(rs.getBigDecimal("credit_used"), walletCurrency),
                Sql.instant(rs, "update_time")));
    return new QuotaFacts(
        rs.getBoolean("product_exists"),
        rs.getBoolean("region_exists"),
        Math.min(quantity, rs.getLong("taken")),
        rs.getLong("remaining"),
        rs.getBoolean("active"),
        unitPrice == null ? Optional.empty() : Optional.of(new Money(unitPrice, rs.getString("price_currency"))),
        wallet);
  }
}
