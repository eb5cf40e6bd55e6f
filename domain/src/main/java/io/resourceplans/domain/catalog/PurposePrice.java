package io.resourceplans.domain.catalog;

import io.resourceplans.domain.money.Money;
import java.util.List;

/**
 * A plan spec's own price for one purpose, used instead of the spec-level price when a package is
 * bought for that purpose. A fixed spec's purpose price is {@code fixedPrice} (the package holds the
 * spec's {@code fixed.quantity()} units) and has no tiers; a custom spec's is {@code tiers} (same
 * rules as the spec-level tiers, with the spec's step, minimum and maximum) and {@code fixedPrice}
 * is null. {@link CatalogValidation} says so when the shape does not match the spec's kind.
 */
public record PurposePrice(Purpose purpose, Money fixedPrice, List<VolumeTier> tiers) {
  public PurposePrice {
    tiers = tiers == null ? List.of() : List.copyOf(tiers);
  }

  public static PurposePrice fixed(Purpose purpose, Money price) {
    return new PurposePrice(purpose, price, List.of());
  }

  public static PurposePrice tiered(Purpose purpose, List<VolumeTier> tiers) {
    return new PurposePrice(purpose, null, tiers);
  }
}
