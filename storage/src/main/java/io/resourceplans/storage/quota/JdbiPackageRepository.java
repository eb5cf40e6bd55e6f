package io.resourceplans.storage.quota;

import io.resourceplans.storage.db.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;

import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.common.Cursor;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.quota.PackageRepository;
import io.resourceplans.domain.quota.PlanPackage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link PackageRepository} over {@link PackageDao}, except the two statements of the usage hot
 * path (burn-down selection and deduction), which run in plain JDBC (see {@link Sql}).
 */
public final class JdbiPackageRepository implements PackageRepository {
  private final Supplier<PackageDao> daos;
  private final Sql sql;

  /** @param daos attaches the DAO when first needed: the hot path never needs it */
  public JdbiPackageRepository(Supplier<PackageDao> daos, Sql sql) {
    this.daos = daos;
    this.sql = sql;
  }

  @Override
  public void insert(PlanPackage pkg) {
    dao().insert(PackageRow.of(pkg));
  }

  @Override
  public Optional<PlanPackage> find(String accountId, String packageId) {
    return dao().find(accountId, packageId).map(PackageRow::toDomain);
  }

  @Override
  public List<PlanPackage> byOrder(String accountId, String orderId) {
    return dao().byOrder(accountId, orderId).stream().map(PackageRow::toDomain).toList();
  }

  @Override
  public Page<PlanPackage> list(String accountId, Filter filter, Instant now, PageRequest page) {
    Cursor before = page.after().orElse(null);
    var rows =
        dao().list(
            accountId,
            filter.productId(),
            filter.purpose() == null ? null : filter.purpose().name(),
            filter.regionId(),
            filter.status() == null ? null : filter.status().name(),
            now,
            before == null ? null : before.createTime(),
            before == null ? null : before.id(),
            page.size() + 1);
    return Page.fromOverfetch(
        rows.stream().map(PackageRow::toDomain).toList(),
        page,
        p -> new Cursor(p.purchaseTime(), p.packageId()));
  }

  /** In burn-down order ({@code rp_burn_down_key}, R__usage_functions.sql). */
  @Override
  public List<PlanPackage> usable(
      String accountId, String productId, String regionId, Purpose purpose, Instant now, boolean lock) {
    String query = "select " + PackageDao.COLUMNS + """
          from packages
         where account_id = ? and product_id = ? and region_id = ?
           and purpose in (?, 'GENERAL')
           and remaining_quantity > 0 and expire_time > ?
         order by rp_burn_down_key(purpose, ?, expire_time, purchase_time, package_id)
        """ + (lock ? " for update" : "");
    return sql.list(query, JdbiPackageRepository::row,
        accountId, productId, regionId, purpose.name(), now, purpose.name());
  }

  @Override
  public void deduct(String accountId, String packageId, long quantity) {
    // Its row is locked by usable(lock = true), and the check constraint keeps remaining >= 0.
    sql.later("""
        update packages set remaining_quantity = remaining_quantity - ?
         where account_id = ? and package_id = ?
        """, 1, "deduct from package " + packageId, quantity, accountId, packageId);
  }


  private PackageDao dao() {
    return daos.get();
  }

  private static PlanPackage row(ResultSet rs) throws SQLException {
    return new PlanPackage(
        rs.getString("account_id"), rs.getString("package_id"), rs.getString("display_name"),
        rs.getString("product_id"), rs.getString("plan_spec_id"), Purpose.valueOf(rs.getString("purpose")),
        rs.getString("region_id"), rs.getLong("total_quantity"), rs.getLong("remaining_quantity"),
        rs.getString("order_id"), Sql.instant(rs, "purchase_time"), Sql.instant(rs, "expire_time"));
  }

  @Override
  public void shareLockActive(String accountId, String productId, Purpose purpose, Instant now) {
    dao().shareLockActive(accountId, productId, purpose.name(), now);
  }

  @Override
  public List<ActiveTotal> activeTotals(String accountId, String productId, String regionId, Instant now) {
    return dao().activeTotals(accountId, productId, regionId, now).stream()
        .map(r -> new ActiveTotal(r.productId(), Purpose.valueOf(r.purpose()), r.remaining(), r.packages()))
        .toList();
  }
}
