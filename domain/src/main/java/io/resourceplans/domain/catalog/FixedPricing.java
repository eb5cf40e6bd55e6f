package io.resourceplans.domain.catalog;

import io.resourceplans.domain.money.Money;

/** Each fixed package holds {@code quantity} units and costs {@code price}. */
public record FixedPricing(long quantity, Money price) {}
