package io.resourceplans.domain.hold;

import io.resourceplans.domain.catalog.Purpose;

/** What a hold took from one package at reservation, and what became of it. */
public record HoldAllocation(String packageId, Purpose purpose, long quantity, long captured, long released) {
  public HoldAllocation {
    if (quantity <= 0 || captured < 0 || released < 0 || captured + released > quantity) {
      throw new IllegalArgumentException("allocation of " + packageId + ": " + captured + " + " + released + " of " + quantity);
    }
  }

  /** Units still held. */
  public long held() {
    return quantity - captured - released;
  }

  HoldAllocation capture(long units) {
    return new HoldAllocation(packageId, purpose, quantity, captured + units, released);
  }

  HoldAllocation releaseRest() {
    return new HoldAllocation(packageId, purpose, quantity, captured, released + held());
  }
}
