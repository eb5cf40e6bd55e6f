package io.resourceplans.domain.catalog;

import java.time.Instant;
import java.util.Set;

/**
 * A sellable specification of a product's resource plan. Exactly one of {@code fixed} and {@code
 * custom} is set, matching {@code kind}. {@code retireTime} is null while the spec is active.
 */
public record PlanSpec(
    String planSpecId,
    String productId,
    String displayName,
    PlanSpecKind kind,
    Set<Purpose> allowedPurposes,
    int validityMonths,
    FixedPricing fixed,
    CustomPricing custom,
    PlanSpecState state,
    Instant createTime,
    Instant updateTime,
    Instant retireTime) {
  public PlanSpec {
    allowedPurposes = Set.copyOf(allowedPurposes);
  }
}
