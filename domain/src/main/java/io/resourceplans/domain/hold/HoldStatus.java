package io.resourceplans.domain.hold;

/** Where a quota hold stands; only an ACTIVE hold holds units. */
public enum HoldStatus {
  ACTIVE,
  /** Captured in full. */
  CAPTURED,
  /** ReleaseUsage gave back what was not captured. */
  RELEASED,
  /** Reached its expire time while active; the expiry pass gave back what was not captured. */
  EXPIRED
}
