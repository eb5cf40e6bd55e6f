package io.resourceplans.domain.catalog;

import io.resourceplans.domain.money.Money;

/**
 * The price of one purchase. {@code quantity} is what the buyer asked for: packages for a fixed
 * spec, units for a custom one; {@code issuedQuantity} is the number of units the packages will
 * hold in total. {@code appliedTier} is null for fixed specs. {@code purposePriceApplied} is true
 * when the spec's own price for {@code purpose} was used, false when the spec-level price was (the
 * purpose has no price of its own).
 */
public record Quote(
    PlanSpec spec,
    long quantity,
    Purpose purpose,
    long issuedQuantity,
    Money unitPrice,
    VolumeTier appliedTier,
    Money total,
    boolean purposePriceApplied) {}
