package io.resourceplans.domain.catalog;

import java.util.List;
import java.util.Set;

/**
 * What an operator supplies to create a plan spec. Exactly one of {@code fixed} and {@code custom}
 * should be set, matching {@code kind}; {@link CatalogValidation} says so when it is not. {@code
 * purposePrices} (may be empty) are the spec's own prices for some purposes.
 */
public record NewPlanSpec(
    String planSpecId,
    String productId,
    String displayName,
    PlanSpecKind kind,
    Set<Purpose> allowedPurposes,
    int validityMonths,
    FixedPricing fixed,
    CustomPricing custom,
    List<PurposePrice> purposePrices) {
  public NewPlanSpec {
    allowedPurposes = Set.copyOf(allowedPurposes);
    purposePrices = purposePrices == null ? List.of() : List.copyOf(purposePrices);
  }
}
