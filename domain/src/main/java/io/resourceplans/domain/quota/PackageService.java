package io.resourceplans.domain.quota;

import javax.inject.Inject;
import javax.inject.Singleton;
import io.resourceplans.domain.catalog.ProductRepository;
import io.resourceplans.domain.auth.Permission;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.catalog.Product;
import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.tx.Tx;
import io.resourceplans.domain.clock.AccountClock;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading packages, and refusing what plans do not allow (refunds, unsubscribing). */
@Singleton
public final class PackageService {
  /** Remaining quota of one product: in total and per purpose (active packages only). */
  public record ProductSummary(String productId, long remaining, Map<Purpose, PackageRepository.ActiveTotal> purposes) {}

  private final Clock clock;
  private final AccountClock accountClock;

  /** With each account's own time (test clocks). */
  @Inject
  public PackageService(Clock clock, AccountClock accountClock) {
    this.clock = clock;
    this.accountClock = accountClock;
  }

  public PlanPackage get(Tx tx, Principal caller, String packageId) {
    return find(tx, caller.requirePermissions(Permission.PRODUCT_ACCESS), packageId);
  }

  public Page<PlanPackage> list(Tx tx, Principal caller, PackageRepository.Filter filter, PageRequest page) {
    String accountId = caller.requirePermissions(Permission.PRODUCT_ACCESS);
    return tx.get(PackageRepository.class).list(accountId, filter, accountClock.now(tx, accountId), page);
  }

  /** Every product of the catalog (or the one asked for), with all purposes, zero when none left. */
  public List<ProductSummary> summary(Tx tx, Principal caller, String productId, String regionId) {
    String accountId = caller.requirePermissions(Permission.PRODUCT_ACCESS);
    List<String> productIds = new ArrayList<>();
    if (productId != null) {
      tx.get(ProductRepository.class).find(productId).orElseThrow(() -> DomainException.notFound(ErrorCode.PRODUCT_NOT_FOUND, "product", productId));
      productIds.add(productId);
    } else {
      PageRequest page = PageRequest.first(PageRequest.MAX_PAGE_SIZE, "summary");
      while (true) {
        Page<Product> products = tx.get(ProductRepository.class).list(page);
        products.items().stream().map(Product::productId).forEach(productIds::add);
        if (products.nextPageToken().isEmpty()) {
          break;
        }
        page = PageRequest.of(PageRequest.MAX_PAGE_SIZE, PageRequest.MAX_PAGE_SIZE, products.nextPageToken().get(), "summary");
      }
    }
    Map<String, Map<Purpose, PackageRepository.ActiveTotal>> byProduct = new LinkedHashMap<>();
    for (String id : productIds) {
      Map<Purpose, PackageRepository.ActiveTotal> purposes = new EnumMap<>(Purpose.class);
      for (Purpose p : Purpose.values()) {
        purposes.put(p, new PackageRepository.ActiveTotal(id, p, 0, 0));
      }
      byProduct.put(id, purposes);
    }
    for (var total : tx.get(PackageRepository.class).activeTotals(accountId, productId, regionId, accountClock.now(tx, accountId))) {
      Map<Purpose, PackageRepository.ActiveTotal> purposes = byProduct.get(total.productId());
      if (purposes != null) {
        purposes.put(total.purpose(), total);
      }
    }
    List<ProductSummary> out = new ArrayList<>();
    byProduct.forEach((id, purposes) ->
        out.add(new ProductSummary(id, purposes.values().stream().mapToLong(PackageRepository.ActiveTotal::remaining).sum(), purposes)));
    return out;
  }

  /** Resource plans are non-refundable and cannot be unsubscribed: always refused, after a look-up. */
  public DomainException refuseRefund(Tx tx, Principal caller, String packageId, String what) {
    PlanPackage pkg = find(tx, caller.requirePermissions(Permission.ORDER_ACCESS), packageId);
    return new DomainException(
        ErrorCode.PLAN_NON_REFUNDABLE,
        "resource plans are non-refundable and cannot be unsubscribed; package " + pkg.packageId() + " cannot be " + what,
        Map.of("package_id", pkg.packageId()));
  }

  private static PlanPackage find(Tx tx, String accountId, String packageId) {
    return tx.get(PackageRepository.class).find(accountId, packageId)
        .orElseThrow(() -> DomainException.notFound(ErrorCode.PACKAGE_NOT_FOUND, "package", packageId));
  }
}
