package io.resourceplans.domain.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The fields of a plan spec to change: a null field stays as it is (the API's update mask did not
 * name it). The pricing set must be the one of the spec's kind; tiers are replaced whole, and so are
 * {@code purposePrices} (an empty list removes every purpose price: all purposes then pay the
 * spec-level price).
 */
public record PlanSpecUpdate(
    String displayName,
    Set<Purpose> allowedPurposes,
    Integer validityMonths,
    FixedPricing fixed,
    CustomPricing custom,
    List<PurposePrice> purposePrices) {
  public PlanSpecUpdate {
    allowedPurposes = allowedPurposes == null ? null : Set.copyOf(allowedPurposes);
    purposePrices = purposePrices == null ? null : List.copyOf(purposePrices);
  }

  PlanSpec applyTo(PlanSpec s, Instant now) {
    return new PlanSpec(
        s.planSpecId(),
        s.productId(),
        displayName == null ? s.displayName() : displayName,
        s.kind(),
        allowedPurposes == null ? s.allowedPurposes() : allowedPurposes,
        validityMonths == null ? s.validityMonths() : validityMonths,
        fixed == null ? s.fixed() : fixed,
        custom == null ? s.custom() : custom,
        purposePrices == null ? s.purposePrices() : purposePrices,
        s.state(),
        s.createTime(),
        now,
        s.retireTime());
  }
}
