package io.resourceplans.domain.catalog;

import java.time.Instant;
import java.util.Set;

/**
 * The fields of a plan spec to change: a null field stays as it is (the API's update mask did not
 * name it). The pricing set must be the one of the spec's kind; tiers are replaced whole.
 */
public record PlanSpecUpdate(
    String displayName,
    Set<Purpose> allowedPurposes,
    Integer validityMonths,
    FixedPricing fixed,
    CustomPricing custom) {
  public PlanSpecUpdate {
    allowedPurposes = allowedPurposes == null ? null : Set.copyOf(allowedPurposes);
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
        s.state(),
        s.createTime(),
        now,
        s.retireTime());
  }
}
