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

  /**
   * The record with its deductions (parallel arrays, burn-down order). The unique index on (account,
   * request ID) makes a concurrent insert of the same request wait for the first one's transaction;
   * an ID in idempotency_records is another mutation's. The parameters are cast: in an INSERT ...
   * SELECT a null or text parameter would not take the column's type. The row inserted is counted
   * by RETURNING: Citus answers such an INSERT ... SELECT ... ON CONFLICT DO NOTHING with the rows
   * selected, not inserted.
   */
  @Override
  public boolean insertUnlessRequested(UsageRecord r, byte[] fingerprint) {
    return insert(r, fingerprint, true);
  }

  /** As {@link #insertUnlessRequested}, but the caller holds the request ID's idempotency record. */
  @Override
  public boolean insertCaptured(UsageRecord r, byte[] fingerprint) {
    return insert(r, fingerprint, false);
  }

  private boolean insert(UsageRecord r, byte[] fingerprint, boolean unlessClaimed) {
    return sql.list("""
        insert into usage_records (account_id, usage_id, request_id, product_id, purpose, region_id, quantity,
                                   package_quantity, pay_as_you_go_quantity, currency, pay_as_you_go_unit_price,
                                   pay_as_you_go_charge, record_time,
                                   deduction_package_ids, deduction_quantities, deduction_remaining_after,
                                   deduction_purposes, fingerprint)
        select ?::text, ?::text, ?::text, ?::text, ?::text, ?::text, ?::bigint, ?::bigint, ?::bigint, ?::text,
               ?::numeric, ?::numeric, ?::timestamptz, ?::text[], ?::bigint[], ?::bigint[], ?::text[], ?::bytea
         where not ?::boolean
            or not exists (select 1 from idempotency_records i where i.scope = ? and i.request_id = ?)
        on conflict (account_id, request_id) do nothing
        returning 1
        """,
        rs -> 1,
        r.accountId(), r.usageId(), r.requestId(), r.productId(), r.purpose().name(), r.regionId(), r.quantity(),
        r.packageQuantity(), r.payAsYouGoQuantity(), r.payAsYouGoCharge().currency(),
        r.payAsYouGoUnitPrice() == null ? null : r.payAsYouGoUnitPrice().amount(),
        r.payAsYouGoCharge().amount(), r.recordTime(),
        new Sql.TextArray(r.deductions().stream().map(PackageDeduction::packageId).toArray(String[]::new)),
        new Sql.BigintArray(r.deductions().stream().map(PackageDeduction::quantity).toArray(Long[]::new)),
        new Sql.BigintArray(r.deductions().stream().map(PackageDeduction::remainingAfter).toArray(Long[]::new)),
        new Sql.TextArray(r.deductions().stream().map(d -> d.purpose().name()).toArray(String[]::new)),
        fingerprint, unlessClaimed, r.accountId(), r.requestId()).size() == 1;
  }

  @Override
  public Optional<Requested> findByRequest(String accountId, String requestId) {
    return sql.one("select u.fingerprint, " + UsageRows.COLUMNS + """
          from usage_records u
         where u.account_id = ? and u.request_id = ?
        """, rs -> new Requested(rs.getBytes("fingerprint"), UsageRows.record(rs)), accountId, requestId);
  }
}
