package io.resourceplans.storage.quota;

import io.resourceplans.domain.billing.Wallet;
import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.money.Money;
import io.resourceplans.domain.quota.QuotaFacts;
import io.resourceplans.domain.quota.QuotaFactsRepository;
import io.resourceplans.storage.db.Sql;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link QuotaFactsRepository} in one statement: the package cover through rp_take_packages (the
 * burn-down order, without locks), the remaining through rp_active_totals (R__usage_functions.sql),
 * and the catalog, activation and wallet rows beside them.
 */
public final class SqlQuotaFactsRepository implements QuotaFactsRepository {
  private final Sql sql;

  public SqlQuotaFactsRepository(Sql sql) {
    this.sql = sql;
  }

  @Override
  public QuotaFacts read(
      String accountId, String productId, String regionId, Purpose purpose, long quantity, Instant now) {
    return sql.one("""
        select exists (select 1 from products where product_id = ?) as product_exists,
               exists (select 1 from regions where region_id = ?) as region_exists,
               (select coalesce(sum(k.remaining_quantity), 0)
                  from rp_take_packages(?, ?, ?, ?, ?, ?, false) k) as taken,
               (select coalesce(sum(t.remaining), 0)
                  from rp_active_totals(?, ?, ?, null, ?) t where t.purpose in (?, 'GENERAL')) as remaining,
               exists (select 1 from pay_as_you_go_activations a
                        where a.account_id = ? and a.product_id = ? and a.region_id = ?) as active,
               p.unit_price, p.currency as price_currency,
               w.currency, w.cash_balance, w.gift_balance, w.credit_line, w.credit_used, w.update_time
          from (select 1) as one
          left join product_pay_as_you_go_prices p on p.product_id = ? and p.purpose = ?
          left join wallets w on w.account_id = ?
        """,
        rs -> {
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
        },
        productId, regionId,
        accountId, productId, regionId, purpose.name(), now, quantity,
        accountId, productId, regionId, now, purpose.name(),
        accountId, productId, regionId,
        productId, purpose.name(),
        accountId).orElseThrow();
  }
}
