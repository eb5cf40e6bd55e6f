package io.resourceplans.domain.catalog;

import static io.resourceplans.domain.catalog.Purpose.GENERAL;
import static io.resourceplans.domain.catalog.Purpose.MARKETING;
import static io.resourceplans.domain.catalog.Purpose.VERIFICATION_NOTIFICATION;

import io.resourceplans.domain.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalog a new installation starts with, reproducing the seed products: domestic SMS (custom
 * packages in hundreds priced so that 1,000 verification messages cost 44.00, and fixed packages of
 * 5,000 and 100,000), international SMS as its own product, and direct mail packages valid 6
 * months. SMS prices differ slightly by purpose (seed 001): the spec-level prices are those of
 * verification/notification (and general), and every SMS spec has a marketing price a little higher
 * (1,000 domestic marketing messages cost 46.00; each marketing tier stays above its verification
 * counterpart and still falls with volume). Migration V13 gives these marketing prices to the
 * default SMS specs of databases seeded before. Amounts are in the settlement currency (CNY by
 * default). The IDs are part of the contract of a fresh server.
 */
public record DefaultCatalog(List<Product> products, List<PlanSpec> planSpecs) {
  public static final String SMS_DOMESTIC = "sms-domestic";
  public static final String SMS_INTERNATIONAL = "sms-international";
  public static final String MAIL = "mail";

  private static final int SMS_VALIDITY_MONTHS = 12;
  private static final int MAIL_VALIDITY_MONTHS = 6;
  private static final Set<Purpose> ALL = Set.of(VERIFICATION_NOTIFICATION, MARKETING, GENERAL);
  private static final Set<Purpose> CUSTOM_PURPOSES = Set.of(VERIFICATION_NOTIFICATION, MARKETING);

  public DefaultCatalog {
    products = List.copyOf(products);
    planSpecs = List.copyOf(planSpecs);
  }

  public static DefaultCatalog of(String currency, Instant now) {
    Prices p = new Prices(currency);
    List<Product> products =
        List.of(
            new Product(
                SMS_DOMESTIC,
                "Domestic SMS",
                "Text messages to mobile numbers of the Chinese mainland.",
                "message",
                Map.of(
                    VERIFICATION_NOTIFICATION, p.of("0.045"),
                    MARKETING, p.of("0.055"),
                    GENERAL, p.of("0.05")),
                "",
                now,
                now),
            new Product(
                SMS_INTERNATIONAL,
                "International SMS",
                "Text messages to mobile numbers outside the Chinese mainland.",
                "message",
                Map.of(GENERAL, p.of("0.35")),
                "",
                now,
                now),
            new Product(
                MAIL,
                "Direct Mail",
                "Transactional and marketing email.",
                "email",
                Map.of(
                    VERIFICATION_NOTIFICATION, p.of("0.0011"),
                    MARKETING, p.of("0.0011"),
                    GENERAL, p.of("0.0011")),
                "",
                now,
                now));
    List<PlanSpec> specs =
        List.of(
            custom(
                "sms-domestic-custom",
                SMS_DOMESTIC,
                "Custom package (hundreds of messages)",
                new CustomPricing(
                    100,
                    100,
                    0,
                    List.of(
                        new VolumeTier(100, 10_000, p.of("0.044")),
                        new VolumeTier(10_000, 100_000, p.of("0.042")),
                        new VolumeTier(100_000, 1_000_000, p.of("0.040")),
                        new VolumeTier(1_000_000, 0, p.of("0.038")))),
                List.of(
                    PurposePrice.tiered(
                        MARKETING,
                        List.of(
                            new VolumeTier(100, 10_000, p.of("0.046")),
                            new VolumeTier(10_000, 100_000, p.of("0.044")),
                            new VolumeTier(100_000, 1_000_000, p.of("0.042")),
                            new VolumeTier(1_000_000, 0, p.of("0.040"))))),
                now),
            fixed("sms-domestic-5000", SMS_DOMESTIC, "5,000 messages", SMS_VALIDITY_MONTHS, 5_000, p.of("215.00"),
                List.of(PurposePrice.fixed(MARKETING, p.of("225.00"))), now),
            fixed("sms-domestic-100000", SMS_DOMESTIC, "100,000 messages", SMS_VALIDITY_MONTHS, 100_000, p.of("4000.00"),
                List.of(PurposePrice.fixed(MARKETING, p.of("4200.00"))), now),
            custom(
                "sms-international-custom",
                SMS_INTERNATIONAL,
                "Custom package (hundreds of messages)",
                new CustomPricing(
                    100,
                    100,
                    0,
                    List.of(
                        new VolumeTier(100, 10_000, p.of("0.30")),
                        new VolumeTier(10_000, 0, p.of("0.28")))),
                List.of(
                    PurposePrice.tiered(
                        MARKETING,
                        List.of(
                            new VolumeTier(100, 10_000, p.of("0.32")),
                            new VolumeTier(10_000, 0, p.of("0.30"))))),
                now),
            fixed("mail-10000", MAIL, "10,000 emails", MAIL_VALIDITY_MONTHS, 10_000, p.of("9.00"), List.of(), now),
            fixed("mail-100000", MAIL, "100,000 emails", MAIL_VALIDITY_MONTHS, 100_000, p.of("80.00"), List.of(), now),
            fixed("mail-1000000", MAIL, "1,000,000 emails", MAIL_VALIDITY_MONTHS, 1_000_000, p.of("700.00"), List.of(), now));
    return new DefaultCatalog(products, specs);
  }

  private static PlanSpec custom(
      String id, String productId, String displayName, CustomPricing pricing, List<PurposePrice> purposePrices,
      Instant now) {
    return new PlanSpec(
        id, productId, displayName, PlanSpecKind.CUSTOM, CUSTOM_PURPOSES, SMS_VALIDITY_MONTHS,
        null, pricing, purposePrices, PlanSpecState.ACTIVE, now, now, null);
  }

  private static PlanSpec fixed(
      String id, String productId, String displayName, int validityMonths, long quantity, Money price,
      List<PurposePrice> purposePrices, Instant now) {
    return new PlanSpec(
        id, productId, displayName, PlanSpecKind.FIXED, ALL, validityMonths,
        new FixedPricing(quantity, price), null, purposePrices, PlanSpecState.ACTIVE, now, now, null);
  }

  private record Prices(String currency) {
    Money of(String amount) {
      return Money.of(amount, currency);
    }
  }
}
