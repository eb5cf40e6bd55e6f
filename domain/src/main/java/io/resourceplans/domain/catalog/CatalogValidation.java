package io.resourceplans.domain.catalog;

import io.resourceplans.domain.error.Violations;
import io.resourceplans.domain.money.Money;
import io.resourceplans.domain.money.SettlementCurrency;
import java.util.List;

/**
 * The rules a product or plan spec must meet before it is stored, checked on the whole resource
 * after create or update. Bad shapes are reported together as field violations (API paths such as
 * {@code plan_spec.custom_pricing.tiers[1].min_quantity}); an amount in another currency is then
 * refused with CURRENCY_MISMATCH.
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
  }

  private static void checkFixed(FixedPricing fixed, Violations v) {
    String path = "plan_spec.fixed_pricing";
    v.check(fixed.quantity() >= 1, path + ".quantity", "must be at least 1");
    v.check(fixed.price().isPositive(), path + ".price", "must be greater than zero");
    v.check(fixed.price().isWholeCents(), path + ".price", "must have at most 2 decimal places");
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
    checkTiers(custom, v);
  }

  /**
   * Tiers partition the quantities from the minimum up: ordered, each starting where the previous
   * one ends, the first at or below the minimum and only the last open, so exactly one tier prices
   * any allowed quantity.
   */
  private static void checkTiers(CustomPricing custom, Violations v) {
    List<VolumeTier> tiers = custom.tiers();
    if (tiers.isEmpty()) {
      v.add("plan_spec.custom_pricing.tiers", "must have at least one tier");
      return;
    }
    for (int i = 0; i < tiers.size(); i++) {
      VolumeTier tier = tiers.get(i);
      String path = tierPath(i);
      v.check(tier.minQuantity() >= 1, path + ".min_quantity", "must be at least 1");
      v.check(
          tier.maxQuantity() == 0 || tier.maxQuantity() > tier.minQuantity(),
          path + ".max_quantity",
          "must be 0 (open) or greater than min_quantity");
      v.check(tier.unitPrice().isPositive(), path + ".unit_price", "must be greater than zero");
      if (i == 0) {
        v.check(
            tier.minQuantity() <= custom.minimum(),
            path + ".min_quantity",
            "the first tier must start at or below minimum_quantity (" + custom.minimum() + ")");
      } else {
        checkFollows(tiers.get(i - 1), tier, i, v);
      }
    }
    v.check(
        tiers.get(tiers.size() - 1).maxQuantity() == 0,
        tierPath(tiers.size() - 1) + ".max_quantity",
        "the last tier must be open (0)");
  }

  private static void checkFollows(VolumeTier previous, VolumeTier tier, int i, Violations v) {
    String minPath = tierPath(i) + ".min_quantity";
    if (previous.maxQuantity() == 0) {
      v.add(tierPath(i - 1) + ".max_quantity", "only the last tier may be open (0)");
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
}
