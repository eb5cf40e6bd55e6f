package io.resourceplans.domain.quota;

import io.resourceplans.domain.catalog.Purpose;

/** Quantity taken from one package by a usage record, and what the package holds after it. */
public record PackageDeduction(String packageId, Purpose purpose, long quantity, long remainingAfter) {}
