package io.resourceplans.domain.terms;

/** The agreements a caller must accept before the action they govern. */
public enum TermsKind {
  RESOURCE_PLAN,
  PAY_AS_YOU_GO,
  MARKETPLACE,
  WORKSPACE
}
