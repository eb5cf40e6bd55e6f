package io.resourceplans.storage.region;

import io.resourceplans.domain.region.Region;

/** A row of {@code regions}. */
public record RegionRow(String regionId, String displayName, boolean requiresIdentityVerification) {
  Region toDomain() {
    return new Region(regionId, displayName, requiresIdentityVerification);
  }
}
