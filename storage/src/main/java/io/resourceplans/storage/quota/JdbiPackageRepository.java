package io.resourceplans.storage.quota;

import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.common.Cursor;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.quota.PackageRepository;
import io.resourceplans.domain.quota.PlanPackage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link PackageRepository} over {@link PackageDao}. */
public final class JdbiPackageRepository implements PackageRepository {
  private final PackageDao dao;

  public JdbiPackageRepository(PackageDao dao) {
    this.dao = dao;
  }

  @Override
  public void insert(PlanPackage pkg) {
    dao.insert(PackageRow.of(pkg));
  }

  @Override
  public Optional<PlanPackage> find(String accountId, String packageId) {
    return dao.find(accountId, packageId).map(PackageRow::toDomain);
  }

  @Override
  public List<PlanPackage> byOrder(String accountId, String orderId) {
    return dao.byOrder(accountId, orderId).stream().map(PackageRow::toDomain).toList();
  }

  @Override
  public Page<PlanPackage> list(String accountId, Filter filter, Instant now, PageRequest page) {
    Cursor before = page.after().orElse(null);
    var rows =
        dao.list(
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

  @Override
  public List<PlanPackage> usable(
      String accountId, String productId, String regionId, Purpose purpose, Instant now, boolean lock) {
    var rows =
        lock
            ? dao.lockUsable(accountId, productId, regionId, purpose.name(), now)
            : dao.usable(accountId, productId, regionId, purpose.name(), now);
    return rows.stream().map(PackageRow::toDomain).toList();
  }

  @Override
  public void deduct(String accountId, String packageId, long quantity) {
    if (dao.deduct(accountId, packageId, quantity) != 1) {
      throw new IllegalStateException("deducting from a package that is not there");
    }
  }

  @Override
  public List<ActiveTotal> activeTotals(String accountId, String productId, String regionId, Instant now) {
    return dao.activeTotals(accountId, productId, regionId, now).stream()
        .map(r -> new ActiveTotal(r.productId(), Purpose.valueOf(r.purpose()), r.remaining(), r.packages()))
        .toList();
  }
}
