package io.resourceplans.storage.catalog;

import io.resourceplans.domain.catalog.Product;
import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.money.Money;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A row of {@code products}; its pay-as-you-go prices are rows of their own. */
record ProductRow(
    String productId,
    String displayName,
    String description,
    String quantityUnit,
    String vendorName,
    Instant createTime,
    Instant updateTime) {

  static ProductRow of(Product p) {
    return new ProductRow(
        p.productId(), p.displayName(), p.description(), p.quantityUnit(), p.vendorName(),
        p.createTime(), p.updateTime());
  }

  Product toDomain(List<PayAsYouGoPriceRow> prices) {
    Map<Purpose, Money> byPurpose = new EnumMap<>(Purpose.class);
    for (PayAsYouGoPriceRow price : prices) {
      byPurpose.put(Purpose.valueOf(price.purpose()), new Money(price.unitPrice(), price.currency()));
    }
    return new Product(
        productId, displayName, description, quantityUnit, byPurpose, vendorName, createTime, updateTime);
  }
}
