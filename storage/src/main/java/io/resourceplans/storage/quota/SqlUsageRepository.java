package io.resourceplans.storage.quota;

import io.resourceplans.domain.common.Cursor;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.quota.PackageDeduction;
import io.resourceplans.domain.quota.UsageRecord;
import io.resourceplans.domain.quota.UsageRepository;
import io.resourceplans.storage.db.HeldWrites;
import io.resourceplans.storage.db.Sql;
import java.util.ArrayList;
import java.util.List;
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
   * selected, not inserted. Once inserted, its funding trace by package (usage_package_draws, V23:
   * one row per deduction) is held ({@link HeldWrites}: sent with COMMIT, no round trip of its
   * own), as rp_record_covered_usages writes the one-call path's.
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
    boolean inserted = sql.list("""
        insert into usage_records (account_id, usage_id, request_id, product_id, purpose, region_id, quantity,
                                   package_quantity, pay_as_you_go_quantity, currency, pay_as_you_go_unit_price,
                                   pay_as_you_go_charge, record_time,
                                   deduction_package_ids, deduction_quantities, deduction_remaining_after,
                                   deduction_purposes, fingerprint, tag)
        select ?::text, ?::text, ?::text, ?::text, ?::text, ?::text, ?::bigint, ?::bigint, ?::bigint, ?::text,
               ?::numeric, ?::numeric, ?::timestamptz, ?::text[], ?::bigint[], ?::bigint[], ?::text[], ?::bytea,
               ?::text
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
        fingerprint, r.tag(), unlessClaimed, r.accountId(), r.requestId()).size() == 1;
    if (inserted && !r.deductions().isEmpty()) {
      StringBuilder insert = new StringBuilder(
          "insert into usage_package_draws (account_id, package_id, record_time, usage_id, quantity) values ");
      List<Object> args = new ArrayList<>(5 * r.deductions().size());
      for (PackageDeduction d : r.deductions()) {
        insert.append(args.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?)");
        args.add(r.accountId());
        args.add(d.packageId());
        args.add(r.recordTime());
        args.add(r.usageId());
        args.add(d.quantity());
      }
      sql.hold(insert.toString(), r.deductions().size(), "funding trace of usage record " + r.usageId(),
          args.toArray());
    }
    return inserted;
  }

  @Override
  public Optional<Requested> findByRequest(String accountId, String requestId) {
    return sql.one("select u.fingerprint, " + UsageRows.COLUMNS + """
          from usage_records u
         where u.account_id = ? and u.request_id = ?
        """, rs -> new Requested(rs.getBytes("fingerprint"), UsageRows.record(rs)), accountId, requestId);
  }

  /**
   * Newest first, a page at a time (keyset on record time and usage ID). Only the filters given are
   * in the statement, so each shape keeps its own plan. Which index serves which filter:
   * <ul>
   *   <li>package_id: the primary key of usage_package_draws (account, package, time, usage ID),
   *       read backwards, each record then fetched by its primary key: only the package's own
   *       records are read, whatever the other filters;
   *   <li>tag (without package_id): usage_records_by_tag (partial, tagged records only);
   *   <li>otherwise usage_records_newest_first; the time range bounds its scan. Product, purpose
   *       and request ID prefix are filters on that walk, not index ranges: they skip the
   *       account's other records of the period (an index per filter cost the usage path about 5
   *       to 9% per record each, docs/benchmark.md). A request ID prefix is matched with
   *       starts_with, exact in any collation.
   * </ul>
   */
  @Override
  public Page<UsageRecord> list(String accountId, Filter filter, PageRequest page) {
    boolean byPackage = filter.packageId() != null;
    // The time and ID the rows are ordered by: the draw's (the same as its record's) by package.
    String time = byPackage ? "d.record_time" : "u.record_time";
    String id = byPackage ? "d.usage_id" : "u.usage_id";
    StringBuilder q = new StringBuilder("select ").append(UsageRows.COLUMNS);
    List<Object> args = new ArrayList<>();
    if (byPackage) {
      q.append("""
            from usage_package_draws d
            join usage_records u on u.account_id = d.account_id and u.usage_id = d.usage_id
           where d.account_id = ? and d.package_id = ?
          """);
      args.add(accountId);
      args.add(filter.packageId());
    } else {
      q.append(" from usage_records u where u.account_id = ?");
      args.add(accountId);
    }
    if (filter.tag() != null) {
      q.append(" and u.tag = ?");
      args.add(filter.tag());
    }
    if (filter.startTime() != null) {
      q.append(" and ").append(time).append(" >= ?");
      args.add(filter.startTime());
    }
    if (filter.endTime() != null) {
      q.append(" and ").append(time).append(" < ?");
      args.add(filter.endTime());
    }
    if (filter.productId() != null) {
      q.append(" and u.product_id = ?");
      args.add(filter.productId());
    }
    if (filter.purpose() != null) {
      q.append(" and u.purpose = ?");
      args.add(filter.purpose().name());
    }
    if (filter.requestIdPrefix() != null) {
      q.append(" and starts_with(u.request_id, ?)");
      args.add(filter.requestIdPrefix());
    }
    Cursor before = page.after().orElse(null);
    if (before != null) {
      q.append(" and (").append(time).append(", ").append(id).append(") < (?, ?)");
      args.add(before.createTime());
      args.add(before.id());
    }
    q.append(" order by ").append(time).append(" desc, ").append(id).append(" desc limit ?");
    args.add(page.size() + 1);
    List<UsageRecord> rows = sql.list(q.toString(), UsageRows::record, args.toArray());
    return Page.fromOverfetch(rows, page, r -> new Cursor(r.recordTime(), r.usageId()));
  }
}
