package io.resourceplans.domain.billing;

/** Derived from use and the clock, never stored. */
public enum VoucherState {
  AVAILABLE,
  USED,
  EXPIRED
}
