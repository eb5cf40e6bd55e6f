package io.resourceplans.storage.hold;

import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.hold.HoldAllocation;

/** A row of {@code hold_allocations}. */
public record HoldAllocationRow(
    String holdId, int position, String packageId, String purpose, long quantity, long captured, long released) {

  HoldAllocation toDomain() {
    return new HoldAllocation(packageId, Purpose.valueOf(purpose), quantity, captured, released);
  }
}
