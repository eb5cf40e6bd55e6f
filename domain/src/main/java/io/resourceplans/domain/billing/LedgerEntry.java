package io.resourceplans.domain.billing;

import io.resourceplans.domain.money.Money;
import java.time.Instant;

/**
 * One movement of one balance: signed {@code amount} and the balance after it (for CREDIT, the
 * unused credit after it). {@code orderId} / {@code usageId} name the cause when there is one.
 */
public record LedgerEntry(
    String accountId,
    String ledgerEntryId,
    LedgerEntryKind kind,
    BalanceKind balanceKind,
    Money amount,
    Money balanceAfter,
    String orderId,
    String usageId,
    String description,
    Instant createTime) {}
