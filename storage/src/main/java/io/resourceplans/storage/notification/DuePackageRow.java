package io.resourceplans.storage.notification;

import io.resourceplans.domain.account.Account;
import io.resourceplans.domain.account.IdentityState;
import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.notification.DuePackage;
import io.resourceplans.domain.quota.PlanPackage;
import java.time.Instant;

/** A package row joined with its account's row. */
public record DuePackageRow(
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
    Instant expireTime,
    String accountDisplayName,
    String contactEmail,
    String contactPhone,
    String defaultRegionId,
    String identityState,
    Instant accountCreateTime,
    String testClockId) {

  DuePackage toDomain() {
    return new DuePackage(
        new PlanPackage(
            accountId, packageId, displayName, productId, planSpecId, Purpose.valueOf(purpose), regionId,
            totalQuantity, remainingQuantity, orderId, purchaseTime, expireTime),
        new Account(
            accountId, accountDisplayName, contactEmail, contactPhone, defaultRegionId,
            IdentityState.valueOf(identityState), accountCreateTime, testClockId));
  }
}
