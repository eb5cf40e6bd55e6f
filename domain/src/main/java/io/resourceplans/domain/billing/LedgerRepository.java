package io.resourceplans.domain.billing;

import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;

/** The wallet ledger, append-only. */
public interface LedgerRepository {
  void insert(LedgerEntry entry);

  /** Newest first; null filters match everything. */
  Page<LedgerEntry> list(String accountId, BalanceKind balanceKind, LedgerEntryKind kind, PageRequest page);
}
