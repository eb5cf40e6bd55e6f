package io.resourceplans.storage.quota;

import io.resourceplans.domain.quota.PackageDeduction;
import io.resourceplans.domain.quota.UsageRecord;
import io.resourceplans.domain.quota.UsageRepository;
import io.resourceplans.storage.db.Sql;
import java.util.Optional;

/** {@link UsageRepository} on {@code usage_records}, in plain JDBC (the hot path). */
public final class SqlUsageRepository implements UsageRepository {
  private final Sql sql;

  public SqlUsageRepository(Sql sql) {
    this.sql = sql;
  }

  /** The record with its deductions (parallel arrays, burn-down order); sent with the next round trip. */
  @Override
  public void insert(UsageRecord r) {
    sql.later("""
        insert into usage_records (account_id, usage_id, request_id, product_id, purpose, region_id, quantity,
                                   package_quantity, pay_as_you_go_quantity, currency, pay_as_you_go_unit_price,
                                   pay_as_you_go_charge, record_time,
                                   deduction_package_ids, deduction_quantities, deduction_remaining_after)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        1, "usage record " + r.usageId(),
        r.accountId(), r.usageId(), r.requestId(), r.productId(), r.purpose().name(), r.regionId(), r.quantity(),
        r.packageQuantity(), r.payAsYouGoQuantity(), r.payAsYouGoCharge().currency(),
        r.payAsYouGoUnitPrice() == null ? null : r.payAsYouGoUnitPrice().amount(),
        r.payAsYouGoCharge().amount(), r.recordTime(),
        new Sql.TextArray(r.deductions().stream().map(PackageDeduction::packageId).toArray(String[]::new)),
        new Sql.BigintArray(r.deductions().stream().map(PackageDeduction::quantity).toArray(Long[]::new)),
        new Sql.BigintArray(r.deductions().stream().map(PackageDeduction::remainingAfter).toArray(Long[]::new)));
  }

  @Override
  public Optional<UsageRecord> find(String accountId, String usageId) {
    return sql.one("select " + UsageRows.COLUMNS + """
          from usage_records u
         where u.account_id = ? and u.usage_id = ?
        """, UsageRows::record, accountId, usageId);
  }
}
