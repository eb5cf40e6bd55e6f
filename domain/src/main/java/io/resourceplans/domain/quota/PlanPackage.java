package io.resourceplans.domain.quota;

import io.resourceplans.domain.catalog.Purpose;
import java.time.Instant;

/** A resource plan instance: quota bought by one order, usable in one region until it expires. */
public record PlanPackage(
    String accountId,
    String packageId,
    String displayName,
    String productId,
    String planSpecId,
    Purpose purpose,
    String regionId,
    long totalQuantity,
    long remainingQuantity,
    String orderId,
    Instant purchaseTime,
    Instant expireTime) {

  /** Used up wins over expired, as the console shows it. */
  public PackageStatus status(Instant now) {
    if (remainingQuantity == 0) {
      return PackageStatus.EXHAUSTED;
    }
    return now.isBefore(expireTime) ? PackageStatus.ACTIVE : PackageStatus.EXPIRED;
  }
}
