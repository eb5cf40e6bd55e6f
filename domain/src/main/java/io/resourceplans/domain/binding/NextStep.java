package io.resourceplans.domain.binding;

/** What the vendor's page does after a login ticket is redeemed. */
public enum NextStep {
  /** No billing-center account is linked, and none is known for the cloud account's contact email. */
  REGISTER,
  /** No billing-center account is linked, but an unlinked one has the cloud account's contact email. */
  BIND_BILLING_ACCOUNT,
  /** Linked, but the instance is bound to no workspace. */
  BIND_WORKSPACE,
  /** Everything is bound. */
  LOG_IN
}
