package io.resourceplans.storage.quota;

import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.common.Cursor;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.quota.PackageRepository;
import io.resourceplans.domain.quota.PlanPackage;
import io.resourceplans.storage.db.HeldWrites;
import io.resourceplans.storage.db.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link PackageRepository} on {@code packages}, in plain JDBC: the usage path selects and deducts
 * on every message (see {@link Sql}). Status is derived, as in the console: remaining 0 =
 * EXHAUSTED, else past expiry = EXPIRED, else ACTIVE.
 */
public final class SqlPackageRepository implements PackageRepository {
  private static final String COLUMNS = """
      account_id, package_id, display_name, product_id, plan_spec_id, purpose, region_id,
      total_quantity, remaining_quantity, order_id, purchase_time, expire_time
      """;

  private final Sql sql;

  public SqlPackageRepository(Sql sql) {
    this.sql = sql;
  }

  /** With its day's package_balances row (V19), in the same round trip. */
  @Override
  public void insert(PlanPackage p) {
    sql.hold("insert into packages (" + COLUMNS + ", exhausted) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        1, "insert package " + p.packageId(),
        p.accountId(), p.packageId(), p.displayName(), p.productId(), p.planSpecId(), p.purpose().name(),
        p.regionId(), p.totalQuantity(), p.remainingQuantity(), p.orderId(), p.purchaseTime(), p.expireTime(),
        p.remainingQuantity() == 0);
    sql.update("""
        insert into package_balances (account_id, product_id, region_id, purpose, expire_day, remaining, packages)
        values (?, ?, ?, ?, rp_expire_day(?), ?, ?)
        on conflict (account_id, product_id, region_id, purpose, expire_day)
        do update set remaining = package_balances.remaining + excluded.remaining,
                      packages = package_balances.packages + excluded.packages
        """,
        p.accountId(), p.productId(), p.regionId(), p.purpose().name(), p.expireTime(), p.remainingQuantity(),
        p.remainingQuantity() > 0 ? 1 : 0);
  }

  @Override
  public Optional<PlanPackage> find(String accountId, String packageId) {
    return sql.one("select " + COLUMNS + " from packages where account_id = ? and package_id = ?",
        SqlPackageRepository::row, accountId, packageId);
  }

  @Override
  public List<PlanPackage> byOrder(String accountId, String orderId) {
    return sql.list("select " + COLUMNS + " from packages where account_id = ? and order_id = ? order by package_id",
        SqlPackageRepository::row, accountId, orderId);
  }

  /**
   * Newest purchase first. Each status reads an index of its own packages (V20), so a page costs
   * the same however many packages of other statuses the account holds: EXHAUSTED and ACTIVE walk
   * their index and stop at a page; EXPIRED merges the packages the expiry pass marked lapsed with
   * those that expired since (a few, by expiry). Without a status, the newest-first index.
   */
  @Override
  public Page<PlanPackage> list(String accountId, Filter filter, Instant now, PageRequest page) {
    Cursor before = page.after().orElse(null);
    String purpose = filter.purpose() == null ? null : filter.purpose().name();
    Instant beforeTime = before == null ? null : before.createTime();
    String beforeId = before == null ? null : before.id();
    int limit = page.size() + 1;
    String filters = """
           and (cast(? as text) is null or product_id = ?)
           and (cast(? as text) is null or purpose = ?)
           and (cast(? as text) is null or region_id = ?)
           and (cast(? as timestamptz) is null or (purchase_time, package_id) < (?, ?))
        """;
    Object[] filterArgs = {filter.productId(), filter.productId(), purpose, purpose, filter.regionId(),
        filter.regionId(), beforeTime, beforeTime, beforeId};
    String newestFirst = " order by purchase_time desc, package_id desc limit ?";
    List<PlanPackage> rows;
    if (filter.status() == null) {
      rows = sql.list("select " + COLUMNS + " from packages where account_id = ?" + filters + newestFirst,
          SqlPackageRepository::row, args(accountId, filterArgs, limit));
    } else {
      rows = switch (filter.status()) {
        case EXHAUSTED -> sql.list(
            "select " + COLUMNS + " from packages where account_id = ? and exhausted" + filters + newestFirst,
            SqlPackageRepository::row, args(accountId, filterArgs, limit));
        case ACTIVE -> sql.list(
            "select " + COLUMNS + " from packages where account_id = ? and not exhausted and not lapsed"
                + " and expire_time > ?" + filters + newestFirst,
            SqlPackageRepository::row, args(accountId, now, filterArgs, limit));
        // The second part is fenced (offset 0) so it is found by expiry, then sorted: read newest
        // first, it would walk every live package to find the few that expired since the pass.
        case EXPIRED -> sql.list(
            "select * from ((select " + COLUMNS + " from packages where account_id = ? and lapsed and not exhausted"
                + filters + newestFirst + ") union all (select * from (select " + COLUMNS + " from packages"
                + " where account_id = ? and not exhausted and not lapsed and expire_time <= ?" + filters
                + " offset 0) since_pass" + newestFirst + ")) expired" + newestFirst,
            SqlPackageRepository::row,
            args(accountId, filterArgs, limit, accountId, now, filterArgs, limit, limit));
      };
    }
    return Page.fromOverfetch(rows, page, p -> new Cursor(p.purchaseTime(), p.packageId()));
  }

  /** The arguments in order, arrays spread. */
  private static Object[] args(Object... parts) {
    List<Object> all = new java.util.ArrayList<>();
    for (Object part : parts) {
      if (part instanceof Object[] array) {
        all.addAll(java.util.Arrays.asList(array));
      } else {
        all.add(part);
      }
    }
    return all.toArray();
  }

  /** In burn-down order, as many as cover the quantity ({@code rp_take_packages}, R__usage_functions.sql). */
  @Override
  public List<PlanPackage> usable(
      String accountId, String productId, String regionId, Purpose purpose, Instant now, long quantity,
      boolean lock) {
    return sql.list("select " + COLUMNS + " from rp_take_packages(?, ?, ?, ?, ?, ?, ?)", SqlPackageRepository::row,
        accountId, productId, regionId, purpose.name(), now, quantity, lock);
  }

  /**
   * Held ({@link HeldWrites}): the caller reads nothing back. The package and its day's
   * package_balances row, as rp_deduct (R__usage_functions.sql) does for the one-call path.
   */
  @Override
  public void deduct(String accountId, String packageId, long quantity) {
    // Its row is locked by usable(lock = true), and the check constraints keep remaining >= 0 and
    // the exhausted marker exact.
    sql.hold("""
        update packages set remaining_quantity = remaining_quantity - ?, exhausted = (remaining_quantity - ? = 0)
         where account_id = ? and package_id = ?
        """, 1, "deduct from package " + packageId, quantity, quantity, accountId, packageId);
    sql.hold("""
        update package_balances b
           set remaining = b.remaining - ?, packages = b.packages - (case when k.exhausted then 1 else 0 end)
          from packages k
         where k.account_id = ? and k.package_id = ?
           and b.account_id = k.account_id and b.product_id = k.product_id and b.region_id = k.region_id
           and b.purpose = k.purpose and b.expire_day = rp_expire_day(k.expire_time)
        """, 1, "deduct from the balance of package " + packageId, quantity, accountId, packageId);
  }

  /** From the account's balances by day of expiry ({@code rp_active_totals}, R__usage_functions.sql). */
  @Override
  public List<ActiveTotal> activeTotals(String accountId, String productId, String regionId, Instant now) {
    return sql.list("""
        select product_id, purpose, remaining, packages
          from rp_active_totals(?, cast(? as text), cast(? as text), null, ?)
         order by product_id, purpose
        """,
        rs -> new ActiveTotal(rs.getString("product_id"), Purpose.valueOf(rs.getString("purpose")),
            rs.getLong("remaining"), rs.getLong("packages")),
        accountId, productId, regionId, now);
  }

  /** In burn-down order, as the usage path locks them, so the two never wait for each other in a circle. */
  @Override
  public void shareLockActive(String accountId, String productId, Purpose purpose, Instant now) {
    sql.list("""
        select package_id from packages
         where account_id = ? and product_id = ? and purpose = ?
           and not exhausted and expire_time > ?
         order by expire_time, purchase_time, package_id
           for share
        """, rs -> rs.getString(1), accountId, productId, purpose.name(), now);
  }

  /** As {@link #markLapsed}, returning the packages it marked (as they were marked). */
  @Override
  public List<PlanPackage> lapse(Instant now) {
    return sql.list("""
        update packages p set lapsed = true
         where not p.exhausted and not p.lapsed and p.expire_time <= ?
           and p.account_id in (select a.account_id from accounts a where a.test_clock_id is null)
        returning\s""" + COLUMNS, SqlPackageRepository::row, now);
  }

  /** Real-time accounts only: a test clock's account lives in its clock's time. */
  @Override
  public int markLapsed(Instant now) {
    return sql.update("""
        update packages p set lapsed = true
         where not p.exhausted and not p.lapsed and p.expire_time <= ?
           and p.account_id in (select a.account_id from accounts a where a.test_clock_id is null)
        """, now);
  }

  private static PlanPackage row(ResultSet rs) throws SQLException {
    return new PlanPackage(
        rs.getString("account_id"), rs.getString("package_id"), rs.getString("display_name"),
        rs.getString("product_id"), rs.getString("plan_spec_id"), Purpose.valueOf(rs.getString("purpose")),
        rs.getString("region_id"), rs.getLong("total_quantity"), rs.getLong("remaining_quantity"),
        rs.getString("order_id"), Sql.instant(rs, "purchase_time"), Sql.instant(rs, "expire_time"));
  }
}
