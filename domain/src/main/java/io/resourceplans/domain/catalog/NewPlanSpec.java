package io.resourceplans.domain.catalog;

import java.util.Set;

/**
 * What an operator supplies to create a plan spec. Exactly one of {@code fixed} and {@code custom}
 * should be set, matching {@code kind}; {@link CatalogValidation} says so when it is not.
 */
public record NewPlanSpec(
    String planSpecId,
    String productId,
    String displayName,
    PlanSpecKind kind,
    Set<Purpose> allowedPurposes,
    int validityMonths,
    FixedPricing fixed,
    CustomPricing custom) {
  public NewPlanSpec {
    allowedPurposes = Set.copyOf(allowedPurposes);
  }
}
