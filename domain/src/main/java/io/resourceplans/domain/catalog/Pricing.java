package io.resourceplans.domain.catalog;

import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.error.FieldViolation;
import io.resourceplans.domain.money.Money;
import java.util.List;
import java.util.Map;

/** Prices a purchase of a plan spec: the rule QuotePrice shows and CreateOrder charges. */
public final class Pricing {
  private Pricing() {}

  /**
   * Fixed spec: {@code quantity} packages at the fixed price each. Custom spec: {@code quantity}
   * units at the unit price of the tier that the whole quantity falls in, rounded once (see
   * {@link Money#charge}). The price (fixed price or tiers) is the spec's own price for {@code
   * purpose} when it has one ({@link PlanSpec#purposePrices}), else the spec-level one.
   */
  public static Quote quote(PlanSpec spec, long quantity, Purpose purpose) {
    if (spec.state() == PlanSpecState.RETIRED) {
      throw new DomainException(
          ErrorCode.PLAN_SPEC_RETIRED,
          "plan spec " + spec.planSpecId() + " is retired",
          Map.of("plan_spec_id", spec.planSpecId()));
    }
    if (!spec.allowedPurposes().contains(purpose)) {
      throw refused(
          ErrorCode.PURPOSE_NOT_ALLOWED,
          "purpose",
          "plan spec " + spec.planSpecId() + " cannot be bought for " + purpose + "; allowed: " + spec.allowedPurposes());
    }
    Quote quote =
        switch (spec.kind()) {
          case FIXED -> quoteFixed(spec, quantity, purpose);
          case CUSTOM -> quoteCustom(spec, quantity, purpose);
        };
    if (quote.total().isAboveStoredLimit()) {
      throw refused(
          ErrorCode.QUANTITY_NOT_ALLOWED,
          "quantity",
          "the amount, " + quote.total() + ", would be above the most one order may cost ("
              + Money.MAX_STORED_AMOUNT.toPlainString() + ")");
    }
    return quote;
  }

  private static Quote quoteFixed(PlanSpec spec, long packages, Purpose purpose) {
    FixedPricing fixed = spec.fixed();
    if (packages < 1 || packages > 100) {
      throw refused(ErrorCode.QUANTITY_NOT_ALLOWED, "quantity", "a fixed spec is bought 1 to 100 packages at a time");
    }
    PurposePrice own = spec.purposePrice(purpose).orElse(null);
    Money price = own == null ? fixed.price() : own.fixedPrice();
    Money total = Money.charge(packages, price);
    return new Quote(
        spec, packages, purpose, Math.multiplyExact(packages, fixed.quantity()), price, null, total, own != null);
  }

  private static Quote quoteCustom(PlanSpec spec, long quantity, Purpose purpose) {
    CustomPricing custom = spec.custom();
    if (quantity < custom.minimum()) {
      throw refused(ErrorCode.QUANTITY_NOT_ALLOWED, "quantity", "at least " + custom.minimum() + " must be bought");
    }
    if (custom.maximum() > 0 && quantity > custom.maximum()) {
      throw refused(ErrorCode.QUANTITY_NOT_ALLOWED, "quantity", "at most " + custom.maximum() + " can be bought at once");
    }
    if (quantity % custom.step() != 0) {
      throw refused(ErrorCode.QUANTITY_NOT_ALLOWED, "quantity", "must be a multiple of " + custom.step());
    }
    PurposePrice own = spec.purposePrice(purpose).orElse(null);
    List<VolumeTier> tiers = own == null ? custom.tiers() : own.tiers();
    VolumeTier tier =
        tiers.stream()
            .filter(t -> t.contains(quantity))
            .findFirst()
            .orElseThrow(() -> refused(ErrorCode.QUANTITY_NOT_ALLOWED, "quantity", "no price tier covers " + quantity));
    return new Quote(
        spec, quantity, purpose, quantity, tier.unitPrice(), tier, Money.charge(quantity, tier.unitPrice()), own != null);
  }

  private static DomainException refused(ErrorCode code, String field, String description) {
    return new DomainException(code, description, Map.of(), List.of(new FieldViolation(field, description)));
  }
}
