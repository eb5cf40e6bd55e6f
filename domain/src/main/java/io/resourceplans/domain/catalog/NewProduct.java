package io.resourceplans.domain.catalog;

import io.resourceplans.domain.money.Money;
import java.util.Map;

/** What an operator supplies to create a product; an empty vendor name means a first-party product. */
public record NewProduct(
    String productId,
    String displayName,
    String description,
    String quantityUnit,
    Map<Purpose, Money> payAsYouGoPrices,
    String vendorName) {
  public NewProduct {
    payAsYouGoPrices = Map.copyOf(payAsYouGoPrices);
  }
}
