package io.resourceplans.storage.hold;

import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.common.Cursor;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.hold.Hold;
import io.resourceplans.domain.hold.HoldAllocation;
import io.resourceplans.domain.hold.HoldRepository;
import io.resourceplans.domain.hold.HoldStatus;
import io.resourceplans.domain.hold.PayAsYouGoPart;
import io.resourceplans.storage.db.Sql;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link HoldRepository} on {@code holds} and {@code hold_allocations} (V25), in plain JDBC with
 * held writes ({@link Sql}): a reservation and a capture each touch a hold on the usage path, where
 * JDBI's SqlObject calls were about a fifth of the server's CPU per reserve-and-capture pair and its
 * writes a round trip each (docs/benchmark.md, session 17). Every statement names the account but
 * the expiry pass's look-up of due holds, which spans accounts and locks nothing.
 */
public final class SqlHoldRepository implements HoldRepository {
  private static final String COLUMNS = """
      h.account_id, h.hold_id, h.request_id, h.product_id, h.purpose, h.region_id, h.tag, h.status, h.create_time,
      h.expire_time, h.finish_time, h.payg_quantity, h.payg_captured, h.payg_released, h.currency, h.payg_unit_price,
      h.payg_amount, h.payg_from_gift, h.payg_from_cash, h.payg_from_credit, h.payg_released_amount""";

  /** A hold with its allocations, one row per allocation (none: one row of nulls), in position order. */
  private static final String WITH_ALLOCATIONS = "select " + COLUMNS + """
      , a.position, a.package_id, a.purpose as allocation_purpose, a.quantity as allocation_quantity,
        a.captured as allocation_captured, a.released as allocation_released
        from holds h
        left join hold_allocations a on a.account_id = h.account_id and a.hold_id = h.hold_id
       where h.account_id = ? and h.hold_id = ?
       order by a.position
      """;

  private final Sql sql;

  public SqlHoldRepository(Sql sql) {
    this.sql = sql;
  }

  /** Held: the hold and its allocations go with the transaction's next round trip. */
  @Override
  public void insert(Hold h) {
    PayAsYouGoPart p = h.payAsYouGo();
    sql.hold("""
        insert into holds (account_id, hold_id, request_id, product_id, purpose, region_id, tag, quantity,
                           captured_quantity, released_quantity, status, create_time, expire_time, finish_time,
                           payg_quantity, currency, payg_unit_price, payg_amount, payg_from_gift, payg_from_cash,
                           payg_from_credit)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, 1, "insert hold " + h.holdId(),
        h.accountId(), h.holdId(), h.requestId(), h.productId(), h.purpose().name(), h.regionId(), h.tag(),
        h.quantity(), h.captured(), h.released(), h.status().name(), h.createTime(), h.expireTime(), h.finishTime(),
        p == null ? 0L : p.quantity(), p == null ? null : p.amount().currency(), p == null ? null : p.unitPrice().amount(),
        p == null ? BigDecimal.ZERO : p.amount().amount(), p == null ? BigDecimal.ZERO : p.fromGift().amount(),
        p == null ? BigDecimal.ZERO : p.fromCash().amount(), p == null ? BigDecimal.ZERO : p.fromCredit().amount());
    List<HoldAllocation> allocations = h.allocations();
    if (allocations.isEmpty()) {
      return;
    }
    // One multi-row VALUES (not INSERT ... SELECT from arrays: Citus plans that on the coordinator).
    StringBuilder values = new StringBuilder();
    List<Object> args = new ArrayList<>();
    for (int i = 0; i < allocations.size(); i++) {
      HoldAllocation a = allocations.get(i);
      values.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?)");
      args.addAll(List.of(h.accountId(), h.holdId(), i, a.packageId(), a.purpose().name(), a.quantity(), a.captured(),
          a.released()));
    }
    sql.hold("insert into hold_allocations (account_id, hold_id, position, package_id, purpose, quantity, captured,"
        + " released) values " + values, allocations.size(), "insert the allocations of hold " + h.holdId(),
        args.toArray());
  }

  @Override
  public Optional<Hold> find(String accountId, String holdId) {
    return one(sql.list(WITH_ALLOCATIONS, AllocatedRow::of, accountId, holdId));
  }

  /** The hold's row is locked (not its allocations': they change only under it). */
  @Override
  public Optional<Hold> lock(String accountId, String holdId) {
    return one(sql.list(WITH_ALLOCATIONS + " for update of h", AllocatedRow::of, accountId, holdId));
  }

  /** Held: the caller holds the hold's row lock, so each statement changes exactly its row. */
  @Override
  public void update(Hold h) {
    PayAsYouGoPart p = h.payAsYouGo();
    sql.hold("""
        update holds
           set captured_quantity = ?, released_quantity = ?, status = ?, finish_time = ?,
               payg_captured = ?, payg_released = ?, payg_released_amount = ?
         where account_id = ? and hold_id = ?
        """, 1, "update hold " + h.holdId(),
        h.captured(), h.released(), h.status().name(), h.finishTime(), p == null ? 0L : p.captured(),
        p == null ? 0L : p.released(), p == null ? BigDecimal.ZERO : p.releasedAmount().amount(),
        h.accountId(), h.holdId());
    List<HoldAllocation> allocations = h.allocations();
    for (int i = 0; i < allocations.size(); i++) {
      HoldAllocation a = allocations.get(i);
      sql.hold("""
          update hold_allocations set captured = ?, released = ?
           where account_id = ? and hold_id = ? and position = ?
          """, 1, "update allocation " + i + " of hold " + h.holdId(),
          a.captured(), a.released(), h.accountId(), h.holdId(), i);
    }
  }

  /** Keyset-paged, newest first (holds_newest_first). */
  @Override
  public Page<Hold> list(String accountId, HoldStatus status, PageRequest page) {
    Cursor before = page.after().orElse(null);
    List<HoldRow> rows = sql.list("select " + COLUMNS + """
          from holds h
         where h.account_id = ?
           and (cast(? as text) is null or h.status = ?)
           and (cast(? as timestamptz) is null or (h.create_time, h.hold_id) < (?, ?))
         order by h.create_time desc, h.hold_id desc
         limit ?
        """, SqlHoldRepository::holdRow, accountId, status == null ? null : status.name(),
        status == null ? null : status.name(), before == null ? null : before.createTime(),
        before == null ? null : before.createTime(), before == null ? null : before.id(), page.size() + 1);
    return Page.fromOverfetch(withAllocations(accountId, rows), page, h -> new Cursor(h.createTime(), h.holdId()));
  }

  /**
   * Active holds past expiry by their account's time: the test clock's for an account on one, else
   * {@code now}. The bound differs per account, so it reads the active holds in expiry order
   * (holds_active_by_expiry holds only active ones) and stops at {@code limit} due ones.
   */
  @Override
  public List<Due> due(Instant now, int limit) {
    return sql.list("""
        select h.account_id, h.hold_id
          from holds h
          join accounts a on a.account_id = h.account_id
          left join test_clocks c on c.test_clock_id = a.test_clock_id
         where h.status = 'ACTIVE'
           and h.expire_time <= coalesce(c.frozen_time, ?)
         order by h.expire_time
         limit ?
        """, rs -> new Due(rs.getString("account_id"), rs.getString("hold_id")), now, limit);
  }

  @Override
  public long heldOf(String accountId, String packageId) {
    return sql.one("""
        select coalesce(sum(quantity - captured - released), 0)
          from hold_allocations
         where account_id = ? and package_id = ? and captured + released < quantity
        """, rs -> rs.getLong(1), accountId, packageId).orElse(0L);
  }

  /** The holds of the rows, in the rows' order, with their allocations read in one statement. */
  private List<Hold> withAllocations(String accountId, List<HoldRow> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, List<HoldAllocation>> byHold = new LinkedHashMap<>();
    rows.forEach(r -> byHold.put(r.holdId(), new ArrayList<>()));
    sql.list("""
        select hold_id, package_id, purpose, quantity, captured, released
          from hold_allocations
         where account_id = ? and hold_id = any(?)
         order by hold_id, position
        """,
        rs -> byHold.get(rs.getString("hold_id")).add(new HoldAllocation(rs.getString("package_id"),
            Purpose.valueOf(rs.getString("purpose")), rs.getLong("quantity"), rs.getLong("captured"),
            rs.getLong("released"))),
        accountId, new Sql.TextArray(byHold.keySet().toArray(String[]::new)));
    return rows.stream().map(r -> r.toDomain(byHold.get(r.holdId()))).toList();
  }

  /** The hold of {@link #WITH_ALLOCATIONS}'s rows, if there were any. */
  private static Optional<Hold> one(List<AllocatedRow> rows) {
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    List<HoldAllocation> allocations = new ArrayList<>(rows.size());
    rows.stream().map(AllocatedRow::allocation).filter(a -> a != null).forEach(allocations::add);
    return Optional.of(rows.get(0).hold().toDomain(allocations));
  }

  /** A row of {@link #WITH_ALLOCATIONS}: the hold, and one of its allocations or null. */
  private record AllocatedRow(HoldRow hold, HoldAllocation allocation) {
    static AllocatedRow of(ResultSet rs) throws SQLException {
      String packageId = rs.getString("package_id");
      return new AllocatedRow(holdRow(rs), packageId == null ? null : new HoldAllocation(packageId,
          Purpose.valueOf(rs.getString("allocation_purpose")), rs.getLong("allocation_quantity"),
          rs.getLong("allocation_captured"), rs.getLong("allocation_released")));
    }
  }

  private static HoldRow holdRow(ResultSet rs) throws SQLException {
    return new HoldRow(rs.getString("account_id"), rs.getString("hold_id"), rs.getString("request_id"),
        rs.getString("product_id"), rs.getString("purpose"), rs.getString("region_id"), rs.getString("tag"),
        rs.getString("status"), Sql.instant(rs, "create_time"), Sql.instant(rs, "expire_time"),
        Sql.instant(rs, "finish_time"), rs.getLong("payg_quantity"), rs.getLong("payg_captured"),
        rs.getLong("payg_released"), rs.getString("currency"), rs.getBigDecimal("payg_unit_price"),
        rs.getBigDecimal("payg_amount"), rs.getBigDecimal("payg_from_gift"), rs.getBigDecimal("payg_from_cash"),
        rs.getBigDecimal("payg_from_credit"), rs.getBigDecimal("payg_released_amount"));
  }
}
