package io.resourceplans.storage.catalog;

import io.resourceplans.domain.catalog.CustomPricing;
import io.resourceplans.domain.catalog.FixedPricing;
import io.resourceplans.domain.catalog.PlanSpec;
import io.resourceplans.domain.catalog.PlanSpecKind;
import io.resourceplans.domain.catalog.PlanSpecState;
import io.resourceplans.domain.catalog.PurposePrice;
import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A row of {@code plan_specs}: the fixed_* columns are set for a fixed spec, the quantity columns
 * for a custom one (whose tiers are rows of {@code plan_spec_tiers}).
 */
public record PlanSpecRow(
    String planSpecId,
    String productId,
    String displayName,
    String kind,
    String[] allowedPurposes,
    int validityMonths,
    Long fixedQuantity,
    BigDecimal fixedPrice,
    String fixedCurrency,
    Long quantityStep,
    Long minimumQuantity,
    Long maximumQuantity,
    String state,
    Instant createTime,
    Instant updateTime,
    Instant retireTime) {

  static PlanSpecRow of(PlanSpec s) {
    FixedPricing fixed = s.fixed();
    CustomPricing custom = s.custom();
    return new PlanSpecRow(
        s.planSpecId(),
        s.productId(),
        s.displayName(),
        s.kind().name(),
        s.allowedPurposes().stream().map(Enum::name).sorted().toArray(String[]::new),
        s.validityMonths(),
        fixed == null ? null : fixed.quantity(),
        fixed == null ? null : fixed.price().amount(),
        fixed == null ? null : fixed.price().currency(),
        custom == null ? null : custom.step(),
        custom == null ? null : custom.minimum(),
        custom == null ? null : custom.maximum(),
        s.state().name(),
        s.createTime(),
        s.updateTime(),
        s.retireTime());
  }

  PlanSpec toDomain(List<VolumeTierRow> tiers, List<PurposePrice> purposePrices) {
    PlanSpecKind specKind = PlanSpecKind.valueOf(kind);
    FixedPricing fixed =
        specKind == PlanSpecKind.FIXED
            ? new FixedPricing(fixedQuantity, new Money(fixedPrice, fixedCurrency))
            : null;
    CustomPricing custom =
        specKind == PlanSpecKind.CUSTOM
            ? new CustomPricing(
                quantityStep, minimumQuantity, maximumQuantity,
                tiers.stream().map(VolumeTierRow::toDomain).toList())
            : null;
    var purposes =
        Arrays.stream(allowedPurposes)
            .map(Purpose::valueOf)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Purpose.class)));
    return new PlanSpec(
        planSpecId, productId, displayName, specKind, purposes, validityMonths, fixed, custom, purposePrices,
        PlanSpecState.valueOf(state), createTime, updateTime, retireTime);
  }
}
