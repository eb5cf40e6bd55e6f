package io.resourceplans.domain.account;

/** Where an account stands in identity verification (real-name authentication). */
public enum IdentityState {
  UNVERIFIED,
  PENDING,
  VERIFIED,
  REJECTED
}
