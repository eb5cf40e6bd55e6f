package io.resourceplans.domain.catalog;

import io.resourceplans.domain.money.Money;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A product of the catalog (e.g. {@code sms-domestic}), with its pay-as-you-go unit price per
 * purpose. A non-empty vendor name marks a marketplace (third-party) product.
 */
public record Product(
    String productId,
    String displayName,
    String description,
    String quantityUnit,
    Map<Purpose, Money> payAsYouGoPrices,
    String vendorName,
    Instant createTime,
    Instant updateTime) {
  public Product {
    payAsYouGoPrices = Map.copyOf(payAsYouGoPrices);
  }

  public Optional<Money> payAsYouGoPrice(Purpose purpose) {
    return Optional.ofNullable(payAsYouGoPrices.get(purpose));
  }
}
