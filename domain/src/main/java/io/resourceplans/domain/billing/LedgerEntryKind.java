package io.resourceplans.domain.billing;

/** What moved a wallet balance. */
public enum LedgerEntryKind {
  TOP_UP,
  GIFT_GRANT,
  CREDIT_LINE_CHANGE,
  ORDER_PAYMENT,
  USAGE_CHARGE,
  CREDIT_REPAYMENT,
  /** A quota hold took the money of its pay-as-you-go units. */
  HOLD,
  /** A quota hold gave back the money of pay-as-you-go units it did not capture. */
  HOLD_RELEASE
}
