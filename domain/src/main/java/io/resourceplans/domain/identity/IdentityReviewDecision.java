package io.resourceplans.domain.identity;

/** An operator's decision on a pending identity verification. */
public enum IdentityReviewDecision {
  APPROVE,
  REJECT
}
