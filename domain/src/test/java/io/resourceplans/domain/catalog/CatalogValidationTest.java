package io.resourceplans.domain.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.error.FieldViolation;
import io.resourceplans.domain.money.Money;
import io.resourceplans.domain.money.SettlementCurrency;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogValidationTest {
  private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
  private static final SettlementCurrency CNY = new SettlementCurrency("CNY");

  private static VolumeTier tier(long min, long max, String price) {
    return new VolumeTier(min, max, Money.of(price, "CNY"));
  }

  private static PlanSpec custom(Set<Purpose> purposes, long minimum, VolumeTier... tiers) {
    return new PlanSpec(
        "s", "p", "spec", PlanSpecKind.CUSTOM, purposes, 12, null,
        new CustomPricing(100, minimum, 0, List.of(tiers)), List.of(), PlanSpecState.ACTIVE, NOW, NOW, null);
  }

  private static PlanSpec custom(VolumeTier... tiers) {
    return custom(Set.of(Purpose.MARKETING), 100, tiers);
  }

  private static List<String> violatedFields(PlanSpec spec) {
    DomainException e = assertThrows(DomainException.class, () -> CatalogValidation.requireValid(spec, CNY));
    assertEquals(ErrorCode.INVALID_INPUT, e.code());
    return e.violations().stream().map(FieldViolation::field).toList();
  }

  @Test
  void defaultCatalogIsValid() {
    DefaultCatalog catalog = DefaultCatalog.of("CNY", NOW);
    catalog.products().forEach(p -> CatalogValidation.requireValid(p, CNY));
    catalog.planSpecs().forEach(s -> CatalogValidation.requireValid(s, CNY));
  }

  @Test
  void contiguousTiersFromTheMinimumWithAnOpenLastOneAreValid() {
    CatalogValidation.requireValid(custom(tier(100, 1000, "0.05"), tier(1000, 0, "0.04")), CNY);
    // the first tier may start below the minimum
    CatalogValidation.requireValid(custom(tier(1, 0, "0.05")), CNY);
  }

  @Test
  void unorderedTiersAreRefusedOnTheTierOutOfOrder() {
    List<String> fields =
        violatedFields(custom(tier(100, 1000, "0.05"), tier(1000, 5000, "0.04"), tier(500, 0, "0.03")));
    assertTrue(fields.contains("plan_spec.custom_pricing.tiers[2].min_quantity"), fields::toString);
  }

  @Test
  void gapBetweenTiersIsRefused() {
    assertEquals(
        List.of("plan_spec.custom_pricing.tiers[1].min_quantity"),
        violatedFields(custom(tier(100, 1000, "0.05"), tier(2000, 0, "0.04"))));
  }

  @Test
  void overlappingTiersAreRefused() {
    assertEquals(
        List.of("plan_spec.custom_pricing.tiers[1].min_quantity"),
        violatedFields(custom(tier(100, 1000, "0.05"), tier(900, 0, "0.04"))));
  }

  @Test
  void onlyTheLastTierMayBeOpenAndItMustBe() {
    assertEquals(
        List.of("plan_spec.custom_pricing.tiers[0].max_quantity"),
        violatedFields(custom(tier(100, 0, "0.05"), tier(1000, 0, "0.04"))));
    assertEquals(
        List.of("plan_spec.custom_pricing.tiers[1].max_quantity"),
        violatedFields(custom(tier(100, 1000, "0.05"), tier(1000, 5000, "0.04"))));
  }

  @Test
  void firstTierMustCoverTheMinimum() {
    assertEquals(
        List.of("plan_spec.custom_pricing.tiers[0].min_quantity"),
        violatedFields(custom(Set.of(Purpose.MARKETING), 100, tier(200, 0, "0.05"))));
  }

  @Test
  void customSpecCannotAllowGeneral() {
    assertEquals(
        List.of("plan_spec.allowed_purposes"),
        violatedFields(custom(Set.of(Purpose.MARKETING, Purpose.GENERAL), 100, tier(100, 0, "0.05"))));
  }

  @Test
  void pricingMustMatchTheKind() {
    FixedPricing fixed = new FixedPricing(10, Money.of("1.00", "CNY"));
    PlanSpec fixedWithoutPrice =
        new PlanSpec("s", "p", "x", PlanSpecKind.FIXED, Set.of(Purpose.GENERAL), 6, null, null,
            List.of(), PlanSpecState.ACTIVE, NOW, NOW, null);
    assertEquals(List.of("plan_spec.fixed_pricing"), violatedFields(fixedWithoutPrice));
    PlanSpec customWithFixedPrice =
        new PlanSpec("s", "p", "x", PlanSpecKind.CUSTOM, Set.of(Purpose.MARKETING), 6, fixed,
            new CustomPricing(1, 1, 0, List.of(tier(1, 0, "0.01"))), List.of(), PlanSpecState.ACTIVE, NOW, NOW, null);
    assertEquals(List.of("plan_spec.fixed_pricing"), violatedFields(customWithFixedPrice));
  }

  @Test
  void purposesAndValidityAreRequired() {
    PlanSpec spec =
        new PlanSpec("s", "p", "x", PlanSpecKind.FIXED, Set.of(), 0,
            new FixedPricing(10, Money.of("1.00", "CNY")), null, List.of(), PlanSpecState.ACTIVE, NOW, NOW, null);
    assertEquals(List.of("plan_spec.allowed_purposes", "plan_spec.validity_months"), violatedFields(spec));
  }

  @Test
  void fixedPriceMustBeWholeCents() {
    PlanSpec spec =
        new PlanSpec("s", "p", "x", PlanSpecKind.FIXED, Set.of(Purpose.GENERAL), 6,
            new FixedPricing(10, Money.of("1.005", "CNY")), null, List.of(), PlanSpecState.ACTIVE, NOW, NOW, null);
    assertEquals(List.of("plan_spec.fixed_pricing.price"), violatedFields(spec));
  }

  @Test
  void amountsInAnotherCurrencyAreRefused() {
    PlanSpec usdTier =
        custom(tier(100, 1000, "0.05"), new VolumeTier(1000, 0, Money.of("0.04", "USD")));
    DomainException e = assertThrows(DomainException.class, () -> CatalogValidation.requireValid(usdTier, CNY));
    assertEquals(ErrorCode.CURRENCY_MISMATCH, e.code());
    assertEquals("plan_spec.custom_pricing.tiers[1].unit_price", e.metadata().get("field"));

    Product usdProduct =
        new Product("p", "P", "", "message", Map.of(Purpose.GENERAL, Money.of("0.1", "USD")), "", NOW, NOW);
    DomainException p = assertThrows(DomainException.class, () -> CatalogValidation.requireValid(usdProduct, CNY));
    assertEquals(ErrorCode.CURRENCY_MISMATCH, p.code());
  }

  @Test
  void productNeedsANameAndAUnit() {
    Product blank = new Product("p", " ", "", "", Map.of(), "", NOW, NOW);
    DomainException e = assertThrows(DomainException.class, () -> CatalogValidation.requireValid(blank, CNY));
    assertEquals(
        List.of("product.display_name", "product.quantity_unit"),
        e.violations().stream().map(FieldViolation::field).toList());
  }
}
