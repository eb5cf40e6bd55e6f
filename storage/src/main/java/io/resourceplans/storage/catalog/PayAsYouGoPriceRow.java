package io.resourceplans.storage.catalog;

import io.resourceplans.domain.catalog.Product;
import java.math.BigDecimal;
import java.util.List;

/** A row of {@code product_pay_as_you_go_prices}: one purpose's unit price. */
record PayAsYouGoPriceRow(String productId, String purpose, BigDecimal unitPrice, String currency) {
  static List<PayAsYouGoPriceRow> of(Product p) {
    return p.payAsYouGoPrices().entrySet().stream()
        .map(e -> new PayAsYouGoPriceRow(
            p.productId(), e.getKey().name(), e.getValue().amount(), e.getValue().currency()))
        .toList();
  }
}
