package io.resourceplans.domain.billing;

/** What moved a wallet balance. */
public enum LedgerEntryKind {
  TOP_UP,
  GIFT_GRANT,
  CREDIT_LINE_CHANGE,
  ORDER_PAYMENT,
  USAGE_CHARGE,
  CREDIT_REPAYMENT
}
