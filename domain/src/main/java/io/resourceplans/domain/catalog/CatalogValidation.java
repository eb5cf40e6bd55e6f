package io.resourceplans.domain.catalog;

import io.resourceplans.domain.error.Violations;
import io.resourceplans.domain.money.Money;
import io.resourceplans.domain.money.SettlementCurrency;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The rules a product or plan spec must meet before it is stored, checked on the whole resource
 * after create or update. Bad shapes are reported together as field violations (API paths such as
 * {@code plan_spec.custom_pricing.tiers[1].min_quantity} or {@code
 * plan_spec.purpose_prices[1].tiers[0].unit_price}); an amount in another currency is then refused
 * with CURRENCY_MISMATCH.
 */
public final class CatalogValidation {
  static final int MAX_VALIDITY_MONTHS = 120;

  private CatalogValidation() {}

  public static void requireValid(Product product, SettlementCurrency currency) {
    Violations v = new Violations();
    v.check(!product.displayName().isBlank(), "product.display_name", "is required");
    v.check(!product.quantityUnit().isBlank(), "product.quantity_unit", "is required");
    for (Money price : product.payAsYouGoPrices().values()) {
      v.check(price.isPositive(), "product.pay_as_you_go_prices", "every unit price must be greater than zero");
    }
    v.throwIfAny();
    for (Money price : product.payAsYouGoPrices().values()) {
      currency.require(price, "product.pay_as_you_go_prices");
    }
  }

  public static void requireValid(PlanSpec spec, SettlementCurrency currency) {
    Violations v = new Violations();
    v.check(!spec.displayName().isBlank(), "plan_spec.display_name", "is required");
    v.check(!spec.allowedPurposes().isEmpty(), "plan_spec.allowed_purposes", "must name at least one purpose");
    v.check(
        spec.kind() != PlanSpecKind.CUSTOM || !spec.allowedPurposes().contains(Purpose.GENERAL),
        "plan_spec.allowed_purposes",
        "a custom spec cannot allow PURPOSE_GENERAL");
    v.check(
        spec.validityMonths() >= 1 && spec.validityMonths() <= MAX_VALIDITY_MONTHS,
        "plan_spec.validity_months",
        "must be 1.." + MAX_VALIDITY_MONTHS);
    switch (spec.kind()) {
      case FIXED -> {
        v.check(spec.fixed() != null, "plan_spec.fixed_pricing", "is required for a FIXED spec");
        v.check(spec.custom() == null, "plan_spec.custom_pricing", "must not be set for a FIXED spec");
        if (spec.fixed() != null) {
          checkFixed(spec.fixed(), v);
        }
      }
      case CUSTOM -> {
        v.check(spec.custom() != null, "plan_spec.custom_pricing", "is required for a CUSTOM spec");
        v.check(spec.fixed() == null, "plan_spec.fixed_pricing", "must not be set for a CUSTOM spec");
        if (spec.custom() != null) {
          checkCustom(spec.custom(), v);
        }
      }
    }
    checkPurposePrices(spec, v);
    v.throwIfAny();
    if (spec.fixed() != null) {
      currency.require(spec.fixed().price(), "plan_spec.fixed_pricing.price");
    }
    if (spec.custom() != null) {
      List<VolumeTier> tiers = spec.custom().tiers();
      for (int i = 0; i < tiers.size(); i++) {
        currency.require(tiers.get(i).unitPrice(), tierPath(i) + ".unit_price");
      }
    }
    for (int i = 0; i < spec.purposePrices().size(); i++) {
      PurposePrice price = spec.purposePrices().get(i);
      String path = purposePricePath(i);
      if (price.fixedPrice() != null) {
        currency.require(price.fixedPrice(), path + ".fixed_price");
      }
      for (int t = 0; t < price.tiers().size(); t++) {
        currency.require(price.tiers().get(t).unitPrice(), path + ".tiers[" + t + "].unit_price");
      }
    }
  }

  /**
   * Each purpose price names a purpose the spec allows, at most once, and has the shape of the
   * spec's kind: a fixed price (same rules as fixed_pricing.price) for a FIXED spec, tiers (same
   * rules as custom_pricing.tiers, against the spec's minimum_quantity) for a CUSTOM one.
   */
  private static void checkPurposePrices(PlanSpec spec, Violations v) {
    Set<Purpose> seen = EnumSet.noneOf(Purpose.class);
    for (int i = 0; i < spec.purposePrices().size(); i++) {
      PurposePrice price = spec.purposePrices().get(i);
      String path = purposePricePath(i);
      if (price.purpose() == null) {
        v.add(path + ".purpose", "is required");
      } else if (!seen.add(price.purpose())) {
        v.add(path + ".purpose", "at most one price per purpose; " + price.purpose() + " is given twice");
      } else if (!spec.allowedPurposes().contains(price.purpose())) {
        v.add(
            path + ".purpose",
            "must be one of the spec's allowed_purposes (" + price.purpose() + " is not allowed)");
      }
      switch (spec.kind()) {
        case FIXED -> {
          v.check(price.tiers().isEmpty(), path + ".tiers", "must not be set for a FIXED spec (set fixed_price)");
          if (price.fixedPrice() == null) {
            v.add(path + ".fixed_price", "is required for a FIXED spec");
          } else {
            checkPackagePrice(price.fixedPrice(), path + ".fixed_price", v);
          }
        }
        case CUSTOM -> {
          v.check(price.fixedPrice() == null, path + ".fixed_price", "must not be set for a CUSTOM spec (set tiers)");
          if (spec.custom() != null) {
            checkTiers(price.tiers(), spec.custom().minimum(), path + ".tiers", v);
          }
        }
      }
    }
  }

  private static void checkFixed(FixedPricing fixed, Violations v) {
    String path = "plan_spec.fixed_pricing";
    v.check(fixed.quantity() >= 1, path + ".quantity", "must be at least 1");
    checkPackagePrice(fixed.price(), path + ".price", v);
  }

  private static void checkPackagePrice(Money price, String path, Violations v) {
    v.check(price.isPositive(), path, "must be greater than zero");
    v.check(price.isWholeCents(), path, "must have at most 2 decimal places");
  }

  private static void checkCustom(CustomPricing custom, Violations v) {
    String path = "plan_spec.custom_pricing";
    v.check(custom.step() >= 1, path + ".quantity_step", "must be at least 1");
    v.check(custom.minimum() >= 1, path + ".minimum_quantity", "must be at least 1");
    if (custom.step() >= 1 && custom.minimum() >= 1) {
      v.check(
          custom.minimum() % custom.step() == 0,
          path + ".minimum_quantity",
          "must be a multiple of quantity_step (" + custom.step() + ")");
    }
    v.check(
        custom.maximum() == 0 || custom.maximum() >= custom.minimum(),
        path + ".maximum_quantity",
        "must be 0 (no maximum) or at least minimum_quantity");
    checkTiers(custom.tiers(), custom.minimum(), "plan_spec.custom_pricing.tiers", v);
  }

  /**
   * Tiers partition the quantities from the minimum up: ordered, each starting where the previous
   * one ends, the first at or below the minimum and only the last open, so exactly one tier prices
   * any allowed quantity.
   */
  private static void checkTiers(List<VolumeTier> tiers, long minimum, String tiersPath, Violations v) {
    if (tiers.isEmpty()) {
      v.add(tiersPath, "must have at least one tier");
      return;
    }
    for (int i = 0; i < tiers.size(); i++) {
      VolumeTier tier = tiers.get(i);
      String path = tiersPath + "[" + i + "]";
      v.check(tier.minQuantity() >= 1, path + ".min_quantity", "must be at least 1");
      v.check(
          tier.maxQuantity() == 0 || tier.maxQuantity() > tier.minQuantity(),
          path + ".max_quantity",
          "must be 0 (open) or greater than min_quantity");
      v.check(tier.unitPrice().isPositive(), path + ".unit_price", "must be greater than zero");
      if (i == 0) {
        v.check(
            tier.minQuantity() <= minimum,
            path + ".min_quantity",
            "the first tier must start at or below minimum_quantity (" + minimum + ")");
      } else {
        checkFollows(tiers.get(i - 1), tier, i, tiersPath, v);
      }
    }
    v.check(
        tiers.get(tiers.size() - 1).maxQuantity() == 0,
        tiersPath + "[" + (tiers.size() - 1) + "].max_quantity",
        "the last tier must be open (0)");
  }

  private static void checkFollows(VolumeTier previous, VolumeTier tier, int i, String tiersPath, Violations v) {
    String minPath = tiersPath + "[" + i + "].min_quantity";
    if (previous.maxQuantity() == 0) {
      v.add(tiersPath + "[" + (i - 1) + "].max_quantity", "only the last tier may be open (0)");
    } else if (tier.minQuantity() < previous.minQuantity()) {
      v.add(minPath, "tiers must be ordered by min_quantity");
    } else if (tier.minQuantity() < previous.maxQuantity()) {
      v.add(minPath, "overlaps tier " + (i - 1) + "; must equal its max_quantity (" + previous.maxQuantity() + ")");
    } else if (tier.minQuantity() > previous.maxQuantity()) {
      v.add(minPath, "leaves a gap after tier " + (i - 1) + "; must equal its max_quantity (" + previous.maxQuantity() + ")");
    }
  }

  private static String tierPath(int i) {
    return "plan_spec.custom_pricing.tiers[" + i + "]";
  }

  private static String purposePricePath(int i) {
    return "plan_spec.purpose_prices[" + i + "]";
  }
}
