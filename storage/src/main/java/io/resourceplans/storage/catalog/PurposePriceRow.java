package io.resourceplans.storage.catalog;

import io.resourceplans.domain.catalog.PlanSpec;
import io.resourceplans.domain.catalog.PurposePrice;
import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.catalog.VolumeTier;
import io.resourceplans.domain.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A row of {@code plan_spec_purpose_prices}: the fixed price of a fixed spec's purpose price (null
 * for a custom spec, whose tiers are rows of {@code plan_spec_purpose_tiers}); position keeps the
 * operator's order.
 */
public record PurposePriceRow(
    String planSpecId, String purpose, int position, BigDecimal fixedPrice, String fixedCurrency) {

  static List<PurposePriceRow> of(PlanSpec s) {
    List<PurposePriceRow> rows = new ArrayList<>();
    List<PurposePrice> prices = s.purposePrices();
    for (int i = 0; i < prices.size(); i++) {
      PurposePrice p = prices.get(i);
      Money fixed = p.fixedPrice();
      rows.add(new PurposePriceRow(
          s.planSpecId(), p.purpose().name(), i, fixed == null ? null : fixed.amount(),
          fixed == null ? null : fixed.currency()));
    }
    return rows;
  }

  PurposePrice toDomain(List<PurposeTierRow> tiers) {
    return new PurposePrice(
        Purpose.valueOf(purpose),
        fixedPrice == null ? null : new Money(fixedPrice, fixedCurrency),
        tiers.stream().map(PurposeTierRow::toDomain).toList());
  }

  /** A row of {@code plan_spec_purpose_tiers}. */
  public record PurposeTierRow(
      String planSpecId,
      String purpose,
      int position,
      long minQuantity,
      long maxQuantity,
      BigDecimal unitPrice,
      String currency) {

    static List<PurposeTierRow> of(PlanSpec s) {
      List<PurposeTierRow> rows = new ArrayList<>();
      for (PurposePrice p : s.purposePrices()) {
        List<VolumeTier> tiers = p.tiers();
        for (int i = 0; i < tiers.size(); i++) {
          VolumeTier t = tiers.get(i);
          rows.add(new PurposeTierRow(
              s.planSpecId(), p.purpose().name(), i, t.minQuantity(), t.maxQuantity(),
              t.unitPrice().amount(), t.unitPrice().currency()));
        }
      }
      return rows;
    }

    VolumeTier toDomain() {
      return new VolumeTier(minQuantity, maxQuantity, new Money(unitPrice, currency));
    }
  }
}
