package io.resourceplans.storage.region;

import io.resourceplans.domain.region.Region;

/** A row of {@code regions}. */
record RegionRow(String regionId, String displayName, boolean requiresIdentityVerification) {
  Region toDomain() {
    // The column predates the purchase rule: it says what choosing the region as default needs.
    return new Region(regionId, displayName, requiresIdentityVerification);
  }
}
