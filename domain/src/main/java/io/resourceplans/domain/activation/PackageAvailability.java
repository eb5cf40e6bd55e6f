package io.resourceplans.domain.activation;

import io.resourceplans.domain.tx.Tx;

/** What the account's resource plans (packages) cover now; implemented by the billing area. */
public interface PackageAvailability {
  ActivePackages active(Tx tx, String accountId, String productId, String regionId, java.time.Instant now);

  /** The number of active packages and the quantity remaining over them. */
  record ActivePackages(long count, long remaining) {}
}
