package io.resourceplans.domain.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A sellable specification of a product's resource plan. Exactly one of {@code fixed} and {@code
 * custom} is set, matching {@code kind}: the spec-level price, which applies to every purpose
 * without a price of its own in {@code purposePrices} (at most one per purpose, in the order the
 * operator gave them). {@code retireTime} is null while the spec is active.
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
    List<PurposePrice> purposePrices,
    PlanSpecState state,
    Instant createTime,
    Instant updateTime,
    Instant retireTime) {
  public PlanSpec {
    allowedPurposes = Set.copyOf(allowedPurposes);
    purposePrices = purposePrices == null ? List.of() : List.copyOf(purposePrices);
  }

  /** The spec's own price for this purpose, if it has one (else the spec-level price applies). */
  public Optional<PurposePrice> purposePrice(Purpose purpose) {
    return purposePrices.stream().filter(p -> p.purpose() == purpose).findFirst();
  }
}
