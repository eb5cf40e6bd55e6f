package io.resourceplans.storage.quota;

import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.quota.PlanPackage;
import java.time.Instant;

/** A row of {@code packages}. */
public record PackageRow(
    String accountId,
    String packageId,
    String displayName,
    String productId,
    String planSpecId,
    String purpose,
    String regionId,
    long totalQuantity,
    long remainingQuantity,
    String orderId,
    Instant purchaseTime,
    Instant expireTime) {

  static PackageRow of(PlanPackage p) {
    return new PackageRow(
        p.accountId(), p.packageId(), p.displayName(), p.productId(), p.planSpecId(), p.purpose().name(),
        p.regionId(), p.totalQuantity(), p.remainingQuantity(), p.orderId(), p.purchaseTime(), p.expireTime());
  }

  PlanPackage toDomain() {
    return new PlanPackage(
        accountId, packageId, displayName, productId, planSpecId, Purpose.valueOf(purpose), regionId,
        totalQuantity, remainingQuantity, orderId, purchaseTime, expireTime);
  }
}
