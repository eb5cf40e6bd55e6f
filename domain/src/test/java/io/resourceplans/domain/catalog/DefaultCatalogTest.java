package io.resourceplans.domain.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.resourceplans.domain.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalog a fresh server starts with: the seeds' products, in the settlement currency. */
class DefaultCatalogTest {
  private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

  @Test
  void hasTheSeedProductsAndSpecs() {
    DefaultCatalog catalog = DefaultCatalog.of("CNY", NOW);
    assertEquals(
        List.of("sms-domestic", "sms-international", "mail"),
        catalog.products().stream().map(Product::productId).toList());
    Map<String, PlanSpec> specs =
        catalog.planSpecs().stream().collect(Collectors.toMap(PlanSpec::planSpecId, Function.identity()));
    assertEquals(
        Set.of("sms-domestic-custom", "sms-domestic-5000", "sms-domestic-100000",
            "sms-international-custom", "mail-10000", "mail-100000", "mail-1000000"),
        specs.keySet());
    specs.values().forEach(s -> assertEquals(s.productId().equals("mail") ? 6 : 12, s.validityMonths()));
    CustomPricing domestic = specs.get("sms-domestic-custom").custom();
    assertEquals(100, domestic.step());
    assertEquals(100, domestic.minimum());
    assertEquals(0, domestic.maximum());
  }

  @Test
  void thousandVerificationMessagesCostFortyFourYuan() {
    PlanSpec custom =
        DefaultCatalog.of("CNY", NOW).planSpecs().stream()
            .filter(s -> s.planSpecId().equals("sms-domestic-custom"))
            .findFirst()
            .orElseThrow();
    assertEquals(Money.of("44.00", "CNY"), Pricing.quote(custom, 1000, Purpose.VERIFICATION_NOTIFICATION).total());
    assertEquals(Money.of("4.40", "CNY"), Pricing.quote(custom, 100, Purpose.VERIFICATION_NOTIFICATION).total());
  }

  @Test
  void isBuiltInTheSettlementCurrency() {
    DefaultCatalog catalog = DefaultCatalog.of("USD", NOW);
    catalog.products().forEach(p -> p.payAsYouGoPrices().values().forEach(m -> assertEquals("USD", m.currency())));
    for (PlanSpec s : catalog.planSpecs()) {
      if (s.fixed() != null) {
        assertEquals("USD", s.fixed().price().currency());
      } else {
        s.custom().tiers().forEach(t -> assertEquals("USD", t.unitPrice().currency()));
      }
    }
  }
}
