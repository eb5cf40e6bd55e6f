package io.resourceplans.domain.catalog;

import java.util.List;

/**
 * A custom package: any quantity that is a multiple of {@code step}, at least {@code minimum} and at
 * most {@code maximum} (0 = no maximum), priced by the tier the whole quantity falls in. Tiers are
 * ordered by minimum and contiguous.
 */
public record CustomPricing(long step, long minimum, long maximum, List<VolumeTier> tiers) {
  public CustomPricing {
    tiers = List.copyOf(tiers);
  }
}
