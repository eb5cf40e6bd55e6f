package io.resourceplans.domain.catalog;

import io.resourceplans.domain.money.Money;
import java.time.Instant;
import java.util.Map;

/**
 * The fields of a product to change: a null field stays as it is (the API's update mask did not
 * name it). Pay-as-you-go prices are replaced whole.
 */
public record ProductUpdate(
    String displayName,
    String description,
    String quantityUnit,
    Map<Purpose, Money> payAsYouGoPrices,
    String vendorName) {
  public ProductUpdate {
    payAsYouGoPrices = payAsYouGoPrices == null ? null : Map.copyOf(payAsYouGoPrices);
  }

  Product applyTo(Product p, Instant now) {
    return new Product(
        p.productId(),
        displayName == null ? p.displayName() : displayName,
        description == null ? p.description() : description,
        quantityUnit == null ? p.quantityUnit() : quantityUnit,
        payAsYouGoPrices == null ? p.payAsYouGoPrices() : payAsYouGoPrices,
        vendorName == null ? p.vendorName() : vendorName,
        p.createTime(),
        now);
  }
}
