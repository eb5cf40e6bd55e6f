package io.resourceplans.domain.billing;

/** The three parts of a wallet. For CREDIT the ledger tracks the unused credit (line − used). */
public enum BalanceKind {
  CASH,
  GIFT,
  CREDIT
}
