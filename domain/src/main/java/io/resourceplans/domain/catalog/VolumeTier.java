package io.resourceplans.domain.catalog;

import io.resourceplans.domain.money.Money;

/**
 * One volume tier: purchases of at least {@code minQuantity} and below {@code maxQuantity} (0 = no
 * upper bound) pay {@code unitPrice} per unit for the whole quantity.
 */
public record VolumeTier(long minQuantity, long maxQuantity, Money unitPrice) {
  public boolean contains(long quantity) {
    return quantity >= minQuantity && (maxQuantity == 0 || quantity < maxQuantity);
  }
}
