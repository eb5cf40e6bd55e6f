package io.resourceplans.domain.billing;

import io.resourceplans.domain.money.Money;
import java.time.Instant;

import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;

/** The wallet ledger, append-only. */
public interface LedgerRepository {
  void insert(LedgerEntry entry);

  /**
   * What the account spent pay-as-you-go in {@code [from, to)} by the entries' times: usage
   * charges, plus the money quota holds took, less what they gave back (a positive amount).
   */
  Money payAsYouGoSpend(String accountId, Instant from, Instant to, String currency);

  /** Newest first; null filters match everything. */
  Page<LedgerEntry> list(String accountId, BalanceKind balanceKind, LedgerEntryKind kind, PageRequest page);
}
