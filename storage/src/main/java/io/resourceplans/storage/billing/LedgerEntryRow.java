package io.resourceplans.storage.billing;

import io.resourceplans.domain.billing.BalanceKind;
import io.resourceplans.domain.billing.LedgerEntry;
import io.resourceplans.domain.billing.LedgerEntryKind;
import io.resourceplans.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code ledger_entries}. */
record LedgerEntryRow(
    String accountId,
    String ledgerEntryId,
    String kind,
    String balanceKind,
    BigDecimal amount,
    BigDecimal balanceAfter,
    String currency,
    String orderId,
    String usageId,
    String description,
    Instant createTime) {

  LedgerEntry toDomain() {
    return new LedgerEntry(
        accountId, ledgerEntryId, LedgerEntryKind.valueOf(kind), BalanceKind.valueOf(balanceKind),
        new Money(amount, currency), new Money(balanceAfter, currency), orderId, usageId, description, createTime);
  }
}
