package io.resourceplans.storage.quota;

import io.resourceplans.domain.quota.PackageDeduction;
import io.resourceplans.domain.quota.UsageRecord;
import io.resourceplans.domain.quota.UsageRepository;
import io.resourceplans.storage.db.Sql;

/** {@link UsageRepository} on {@code usage_records} and {@code usage_deductions}, in plain JDBC (the hot path). */
public final class SqlUsageRepository implements UsageRepository {
  private final Sql sql;

  public SqlUsageRepository(Sql sql) {
    this.sql = sql;
  }

  /**
   * The record and its deductions in one statement, sent with the transaction's next round trip.
   * The deductions' foreign key to the record is checked at the end of the statement, when the
   * record's row exists.
   */
  @Override
  public void insert(UsageRecord r) {
    sql.later("""
        with record as (
          insert into usage_records (account_id, usage_id, request_id, product_id, purpose, region_id, quantity,
                                     package_quantity, pay_as_you_go_quantity, currency, pay_as_you_go_unit_price,
                                     pay_as_you_go_charge, record_time)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        )
        insert into usage_deductions (account_id, usage_id, package_id, quantity, remaining_after)
        select ?, ?, d.package_id, d.quantity, d.remaining_after
          from unnest(cast(? as text[]), cast(? as bigint[]), cast(? as bigint[])) as d (package_id, quantity, remaining_after)
        """,
        -1, "usage record " + r.usageId(),
        r.accountId(), r.usageId(), r.requestId(), r.productId(), r.purpose().name(), r.regionId(), r.quantity(),
        r.packageQuantity(), r.payAsYouGoQuantity(), r.payAsYouGoCharge().currency(),
        r.payAsYouGoUnitPrice() == null ? null : r.payAsYouGoUnitPrice().amount(),
        r.payAsYouGoCharge().amount(), r.recordTime(),
        r.accountId(), r.usageId(),
        new Sql.TextArray(r.deductions().stream().map(PackageDeduction::packageId).toArray(String[]::new)),
        new Sql.BigintArray(r.deductions().stream().map(PackageDeduction::quantity).toArray(Long[]::new)),
        new Sql.BigintArray(r.deductions().stream().map(PackageDeduction::remainingAfter).toArray(Long[]::new)));
  }
}
