package io.resourceplans.domain.quota;

/** Derived from the remaining quantity and the clock, never stored. */
public enum PackageStatus {
  ACTIVE,
  EXHAUSTED,
  EXPIRED
}
