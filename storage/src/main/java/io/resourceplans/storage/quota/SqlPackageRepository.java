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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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

  /** With its package_totals row (V21), in the same round trip. */
  @Override
  public void insert(PlanPackage p) {
    sql.hold("insert into packages (" + COLUMNS + ", exhausted) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        1, "insert package " + p.packageId(),
        p.accountId(), p.packageId(), p.displayName(), p.productId(), p.planSpecId(), p.purpose().name(),
        p.regionId(), p.totalQuantity(), p.remainingQuantity(), p.orderId(), p.purchaseTime(), p.expireTime(),
        p.remainingQuantity() == 0);
    sql.update("""
        insert into package_totals (account_id, product_id, region_id, purpose, remaining, packages)
        values (?, ?, ?, ?, ?, ?)
        on conflict (account_id, product_id, region_id, purpose)
        do update set remaining = package_totals.remaining + excluded.remaining,
                      packages = package_totals.packages + excluded.packages
        """,
        p.accountId(), p.productId(), p.regionId(), p.purpose().name(), p.remainingQuantity(),
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
   * Held ({@link HeldWrites}): the caller reads nothing back. rp_deduct (R__usage_functions.sql),
   * the one deduction the one-call path makes too: the package, its exhausted marker and its
   * package_totals row.
   */
  @Override
  public void deduct(String accountId, String packageId, long quantity) {
    // Its row is locked by usable(lock = true), and the check constraints keep remaining >= 0 and
    // the exhausted marker exact.
    sql.hold("select rp_deduct(?, ?, ?)", -1, "deduct from package " + packageId, accountId, packageId, quantity);
  }

  /**
   * The package's row is locked first (a release locks its hold's packages in allocation order, the
   * burn-down order usage locks them in). A package that was exhausted counts again; one the expiry
   * pass marked lapsed is in no total (the pass took what it had), so its units lapse with it.
   */
  @Override
  public void restore(String accountId, String packageId, long quantity) {
    if (quantity <= 0) {
      throw new IllegalArgumentException("restore of " + quantity + " to package " + packageId);
    }
    boolean[] was = sql.one("""
        select exhausted, lapsed from packages where account_id = ? and package_id = ? for update
        """, rs -> new boolean[] {rs.getBoolean("exhausted"), rs.getBoolean("lapsed")}, accountId, packageId)
        .orElseThrow(() -> new IllegalStateException("package " + packageId + " of a hold is gone"));
    sql.hold("""
        update packages set remaining_quantity = remaining_quantity + ?, exhausted = false
         where account_id = ? and package_id = ?
        """, 1, "restore to package " + packageId, quantity, accountId, packageId);
    if (!was[1]) {
      sql.hold("""
          update package_totals b
             set remaining = b.remaining + ?, packages = b.packages + ?
            from packages k
           where k.account_id = ? and k.package_id = ?
             and b.account_id = k.account_id and b.product_id = k.product_id and b.region_id = k.region_id
             and b.purpose = k.purpose
          """, 1, "restore to the total of package " + packageId, quantity, was[0] ? 1 : 0, accountId, packageId);
    }
  }

  /** From the account's package totals ({@code rp_active_totals}, R__usage_functions.sql). */
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

  /**
   * What each marked package had left leaves its package_totals row (V21) in the same transaction;
   * the marked rows stay locked until then, so no deduction falls between the two. Returns the
   * packages as marked.
   */
  @Override
  public List<PlanPackage> markLapsed(Instant now, String testClockId) {
    // Two statements rather than "is not distinct from": each keeps a plain plan for its accounts.
    String accounts = testClockId == null
        ? "select a.account_id from accounts a where a.test_clock_id is null"
        : "select a.account_id from accounts a where a.test_clock_id = ?";
    String update = """
        update packages p set lapsed = true
         where not p.exhausted and not p.lapsed and p.expire_time <= ?
           and p.account_id in (%s)
        returning\s""".formatted(accounts) + COLUMNS;
    List<PlanPackage> lapsed = testClockId == null
        ? sql.list(update, SqlPackageRepository::row, now)
        : sql.list(update, SqlPackageRepository::row, now, testClockId);
    Map<TotalKey, long[]> byTotal = new TreeMap<>(TotalKey.ORDER);
    for (PlanPackage p : lapsed) {
      long[] sums = byTotal.computeIfAbsent(
          new TotalKey(p.accountId(), p.productId(), p.regionId(), p.purpose().name()), k -> new long[2]);
      sums[0] += p.remainingQuantity();
      sums[1]++;
    }
    // One row per total, in key order (two passes never wait for each other in a circle); the row
    // exists since its packages were inserted.
    byTotal.forEach((k, sums) -> sql.hold("""
        update package_totals set remaining = remaining - ?, packages = packages - ?
         where account_id = ? and product_id = ? and region_id = ? and purpose = ?
        """, 1, "the total of lapsed packages of " + k.accountId(),
        sums[0], sums[1], k.accountId(), k.productId(), k.regionId(), k.purpose()));
    return lapsed;
  }

  /** The package_totals row a package counts in. */
  private record TotalKey(String accountId, String productId, String regionId, String purpose) {
    static final Comparator<TotalKey> ORDER = Comparator.comparing(TotalKey::accountId)
        .thenComparing(TotalKey::productId).thenComparing(TotalKey::regionId).thenComparing(TotalKey::purpose);
  }

  private static PlanPackage row(ResultSet rs) throws SQLException {
    return new PlanPackage(
        rs.getString("account_id"), rs.getString("package_id"), rs.getString("display_name"),
        rs.getString("product_id"), rs.getString("plan_spec_id"), Purpose.valueOf(rs.getString("purpose")),
        rs.getString("region_id"), rs.getLong("total_quantity"), rs.getLong("remaining_quantity"),
        rs.getString("order_id"), Sql.instant(rs, "purchase_time"), Sql.instant(rs, "expire_time"));
  }
}
