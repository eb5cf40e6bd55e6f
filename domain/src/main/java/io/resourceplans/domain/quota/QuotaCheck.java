package io.resourceplans.domain.quota;

import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.money.Money;

/**
 * What RecordUsage of a quantity would do now: covered by packages, by pay-as-you-go, or refused
 * ({@code denial} null when allowed).
 */
public record QuotaCheck(
    boolean allowed,
    long packageQuantity,
    long payAsYouGoQuantity,
    Money estimatedCharge,
    boolean payAsYouGoActive,
    long packageRemaining,
    ErrorCode denial) {}
