package io.resourceplans.domain.identity;

/** Who an identity verification is about. */
public enum IdentitySubjectType {
  /** A natural person (national ID card or passport). */
  PERSONAL,
  /** A company or organisation (unified social credit code, business registration number). */
  ENTERPRISE
}
