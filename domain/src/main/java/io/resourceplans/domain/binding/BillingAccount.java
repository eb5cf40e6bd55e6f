package io.resourceplans.domain.binding;

import java.time.Instant;

/**
 * A billing-center account. {@code cloudAccountId} and {@code linkTime} are null until it is linked
 * to the one cloud account it settles through.
 */
public record BillingAccount(
    String billingAccountId,
    String username,
    String email,
    String companyName,
    String industry,
    String contactName,
    String ownerVendorUserId,
    String cloudAccountId,
    Instant createTime,
    Instant linkTime) {

  public boolean linked() {
    return cloudAccountId != null;
  }
}
