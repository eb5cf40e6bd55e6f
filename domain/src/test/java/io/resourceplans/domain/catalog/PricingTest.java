package io.resourceplans.domain.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pricing rule of QuotePrice and CreateOrder, case by case. */
class PricingTest {
  private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
  private static final DefaultCatalog CATALOG = DefaultCatalog.of("CNY", NOW);

  private static PlanSpec spec(String id) {
    return CATALOG.planSpecs().stream().filter(s -> s.planSpecId().equals(id)).findFirst().orElseThrow();
  }

  /** A custom spec of step 1 with one open tier at the given unit price. */
  private static PlanSpec flat(String unitPrice) {
    return custom(new CustomPricing(1, 1, 0, List.of(new VolumeTier(1, 0, Money.of(unitPrice, "CNY")))));
  }

  private static PlanSpec custom(CustomPricing pricing) {
    return new PlanSpec(
        "test-custom", "sms-domestic", "test", PlanSpecKind.CUSTOM,
        Set.of(Purpose.VERIFICATION_NOTIFICATION, Purpose.MARKETING), 12, null, pricing,
        List.of(), PlanSpecState.ACTIVE, NOW, NOW, null);
  }

  private static Money cny(String amount) {
    return Money.of(amount, "CNY");
  }

  @ParameterizedTest(name = "{0} messages cost {2} at {1} each")
  @CsvSource({
    // the seed's order page: 1,000 verification messages for 44.00 (4.40 per 100)
    "1000,       0.044, 44.00,       100,     10000",
    "100,        0.044, 4.40,        100,     10000",
    "9900,       0.044, 435.60,      100,     10000",
    // the whole quantity takes the tier it falls in, not a blend of tiers
    "10000,      0.042, 420.00,      10000,   100000",
    "99900,      0.042, 4195.80,     10000,   100000",
    "100000,     0.040, 4000.00,     100000,  1000000",
    "999900,     0.040, 39996.00,    100000,  1000000",
    "1000000,    0.038, 38000.00,    1000000, 0",
    "1000000000, 0.038, 38000000.00, 1000000, 0",
  })
  void domesticSmsCustomPackageIsPricedByTheTierOfTheWholeQuantity(
      long quantity, String unitPrice, String total, long tierMin, long tierMax) {
    Quote quote = Pricing.quote(spec("sms-domestic-custom"), quantity, Purpose.VERIFICATION_NOTIFICATION);
    assertEquals(cny(unitPrice), quote.unitPrice());
    assertEquals(cny(total), quote.total());
    assertEquals(tierMin, quote.appliedTier().minQuantity());
    assertEquals(tierMax, quote.appliedTier().maxQuantity());
    assertEquals(quantity, quote.issuedQuantity());
  }

  @ParameterizedTest(name = "{0} marketing messages cost {2} at {1} each")
  @CsvSource({
    // marketing pays a little more than verification (1,000 = 46.00 against 44.00), tier for tier
    "1000,    0.046, 46.00,    100",
    "10000,   0.044, 440.00,   10000",
    "100000,  0.042, 4200.00,  100000",
    "1000000, 0.040, 40000.00, 1000000",
  })
  void domesticSmsMarketingUsesItsOwnTiers(long quantity, String unitPrice, String total, long tierMin) {
    Quote quote = Pricing.quote(spec("sms-domestic-custom"), quantity, Purpose.MARKETING);
    assertEquals(cny(unitPrice), quote.unitPrice());
    assertEquals(cny(total), quote.total());
    assertEquals(tierMin, quote.appliedTier().minQuantity());
    assertEquals(true, quote.purposePriceApplied());
    assertEquals(false, Pricing.quote(spec("sms-domestic-custom"), quantity, Purpose.VERIFICATION_NOTIFICATION)
        .purposePriceApplied());
  }

  @ParameterizedTest(name = "{0} for {1}: {2}")
  @CsvSource({
    "sms-domestic-5000,   MARKETING,                 225.00",
    "sms-domestic-5000,   VERIFICATION_NOTIFICATION, 215.00",
    "sms-domestic-5000,   GENERAL,                   215.00",
    "sms-domestic-100000, MARKETING,                 4200.00",
    "sms-domestic-100000, GENERAL,                   4000.00",
    "mail-10000,          MARKETING,                 9.00",
  })
  void fixedSpecsUseThePurposesOwnPriceElseTheSpecLevelOne(String planSpecId, Purpose purpose, String price) {
    Quote quote = Pricing.quote(spec(planSpecId), 1, purpose);
    assertEquals(cny(price), quote.unitPrice());
    assertEquals(cny(price), quote.total());
  }

  @ParameterizedTest(name = "{1} x {0} = {2}")
  @CsvSource({
    "0.0445,      100,  4.45",
    "0.04449,     100,  4.45", // 4.449 -> 4.45
    "0.044449,    100,  4.44", // 4.4449 -> 4.44: rounded once, never step by step
    "0.00005,     100,  0.01", // 0.005, a tie, goes away from zero
    "0.00004,     100,  0.00", // 0.004
    "0.045,       1,    0.05",
    "0.044,       1,    0.04",
    "0.0011,      5,    0.01", // 0.0055
    "0.0011,      4,    0.00", // 0.0044
    "0.000000001, 1,    0.00",
    "0.123456789, 1000, 123.46", // 123.456789
    "0.044999999, 100,  4.50", // 4.4999999
    "0.3,         3,    0.90",
  })
  void subCentUnitPricesAreRoundedOnceToCentsHalfUp(String unitPrice, long quantity, String total) {
    Quote quote = Pricing.quote(flat(unitPrice), quantity, Purpose.MARKETING);
    assertEquals(cny(total), quote.total());
    assertEquals(cny(unitPrice), quote.unitPrice());
  }

  @ParameterizedTest(name = "{1} x {0}")
  @CsvSource({
    "sms-domestic-5000,    1,   5000,    215.00,  215.00",
    "sms-domestic-5000,    3,   15000,   215.00,  645.00",
    "sms-domestic-100000,  2,   200000,  4000.00, 8000.00",
    "mail-10000,           100, 1000000, 9.00,    900.00",
    "mail-1000000,         1,   1000000, 700.00,  700.00",
  })
  void fixedSpecsCostTheirPricePerPackage(
      String planSpecId, long packages, long issued, String unitPrice, String total) {
    Quote quote = Pricing.quote(spec(planSpecId), packages, Purpose.GENERAL);
    assertEquals(packages, quote.quantity());
    assertEquals(issued, quote.issuedQuantity());
    assertEquals(cny(unitPrice), quote.unitPrice());
    assertEquals(cny(total), quote.total());
    assertNull(quote.appliedTier());
  }

  @ParameterizedTest(name = "{0} messages refused")
  @CsvSource({
    "50",   // below the minimum
    "99",   // below the minimum
    "150",  // not a multiple of the step
    "1001", // not a multiple of the step
  })
  void customQuantityOutsideStepAndMinimumIsRefused(long quantity) {
    DomainException e =
        assertThrows(
            DomainException.class,
            () -> Pricing.quote(spec("sms-domestic-custom"), quantity, Purpose.MARKETING));
    assertEquals(ErrorCode.QUANTITY_NOT_ALLOWED, e.code());
    assertEquals("quantity", e.violations().get(0).field());
  }

  @Test
  void customQuantityAboveTheMaximumIsRefused() {
    PlanSpec capped =
        custom(new CustomPricing(100, 100, 1000, List.of(new VolumeTier(100, 0, cny("0.05")))));
    assertEquals(cny("50.00"), Pricing.quote(capped, 1000, Purpose.MARKETING).total());
    DomainException e =
        assertThrows(DomainException.class, () -> Pricing.quote(capped, 1100, Purpose.MARKETING));
    assertEquals(ErrorCode.QUANTITY_NOT_ALLOWED, e.code());
  }

  @Test
  void customSpecIsNeverSoldForTheGeneralPurpose() {
    DomainException e =
        assertThrows(
            DomainException.class, () -> Pricing.quote(spec("sms-domestic-custom"), 1000, Purpose.GENERAL));
    assertEquals(ErrorCode.PURPOSE_NOT_ALLOWED, e.code());
    assertEquals("purpose", e.violations().get(0).field());
  }

  @Test
  void fixedSpecIsBoughtOneToAHundredPackagesAtATime() {
    for (long packages : new long[] {0, 101}) {
      DomainException e =
          assertThrows(
              DomainException.class,
              () -> Pricing.quote(spec("mail-10000"), packages, Purpose.MARKETING));
      assertEquals(ErrorCode.QUANTITY_NOT_ALLOWED, e.code());
    }
  }

  @Test
  void retiredSpecIsNotQuoted() {
    PlanSpec s = spec("sms-domestic-5000");
    PlanSpec retired =
        new PlanSpec(
            s.planSpecId(), s.productId(), s.displayName(), s.kind(), s.allowedPurposes(),
            s.validityMonths(), s.fixed(), s.custom(), List.of(), PlanSpecState.RETIRED, NOW, NOW, NOW);
    DomainException e =
        assertThrows(DomainException.class, () -> Pricing.quote(retired, 1, Purpose.GENERAL));
    assertEquals(ErrorCode.PLAN_SPEC_RETIRED, e.code());
  }
}
