package io.resourceplans.storage.catalog;

import io.resourceplans.domain.catalog.PlanSpec;
import io.resourceplans.domain.catalog.VolumeTier;
import io.resourceplans.domain.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A row of {@code plan_spec_tiers}; position keeps the tiers in their order. */
public record VolumeTierRow(
    String planSpecId, int position, long minQuantity, long maxQuantity, BigDecimal unitPrice, String currency) {

  static List<VolumeTierRow> of(PlanSpec s) {
    List<VolumeTierRow> rows = new ArrayList<>();
    if (s.custom() != null) {
      List<VolumeTier> tiers = s.custom().tiers();
      for (int i = 0; i < tiers.size(); i++) {
        VolumeTier t = tiers.get(i);
        rows.add(new VolumeTierRow(
            s.planSpecId(), i, t.minQuantity(), t.maxQuantity(), t.unitPrice().amount(), t.unitPrice().currency()));
      }
    }
    return rows;
  }

  VolumeTier toDomain() {
    return new VolumeTier(minQuantity, maxQuantity, new Money(unitPrice, currency));
  }
}
