package io.resourceplans.storage.hold;

import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code holds} (its quantities are its allocations' sums, checked by the table). */
public record HoldRow(
    String accountId,
    String holdId,
    String requestId,
    String productId,
    String purpose,
    String regionId,
    String tag,
    String status,
    Instant createTime,
    Instant expireTime,
    Instant finishTime,
    long paygQuantity,
    long paygCaptured,
    long paygReleased,
    String currency,
    BigDecimal paygUnitPrice,
    BigDecimal paygAmount,
    BigDecimal paygFromGift,
    BigDecimal paygFromCash,
    BigDecimal paygFromCredit,
    BigDecimal paygReleasedAmount) {}
