package io.resourceplans.server.mapping;

import com.google.protobuf.FieldMask;
import io.resourceplans.api.v1.PayAsYouGoPrice;
import io.resourceplans.api.v1.PlanSpecKind;
import io.resourceplans.api.v1.PlanSpecState;
import io.resourceplans.api.v1.QuotePriceResponse;
import io.resourceplans.domain.catalog.CustomPricing;
import io.resourceplans.domain.catalog.FixedPricing;
import io.resourceplans.domain.catalog.NewPlanSpec;
import io.resourceplans.domain.catalog.NewProduct;
import io.resourceplans.domain.catalog.PlanSpec;
import io.resourceplans.domain.catalog.PlanSpecUpdate;
import io.resourceplans.domain.catalog.Product;
import io.resourceplans.domain.catalog.ProductUpdate;
import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.catalog.PurposePrice;
import io.resourceplans.domain.catalog.Quote;
import io.resourceplans.domain.catalog.VolumeTier;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.money.Money;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Catalog resources between the API and the domain. Request amounts and enums are converted with
 * the request's field paths, so a value that cannot be converted is reported on its field; update
 * masks become domain updates where an unnamed field is null.
 */
public final class CatalogMapper {
  private CatalogMapper() {}

  public static io.resourceplans.api.v1.Product toProto(Product p) {
    var b =
        io.resourceplans.api.v1.Product.newBuilder()
            .setProductId(p.productId())
            .setDisplayName(p.displayName())
            .setDescription(p.description())
            .setQuantityUnit(p.quantityUnit())
            .setVendorName(p.vendorName())
            .setCreateTime(Timestamps.of(p.createTime()))
            .setUpdateTime(Timestamps.of(p.updateTime()));
    // In purpose order, so the same product always reads the same.
    p.payAsYouGoPrices().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                b.addPayAsYouGoPrices(
                    PayAsYouGoPrice.newBuilder()
                        .setPurpose(PurposeMapper.toProto(e.getKey()))
                        .setUnitPrice(MoneyMapper.toProto(e.getValue()))));
    return b.build();
  }

  public static io.resourceplans.api.v1.PlanSpec toProto(PlanSpec s) {
    var b =
        io.resourceplans.api.v1.PlanSpec.newBuilder()
            .setPlanSpecId(s.planSpecId())
            .setProductId(s.productId())
            .setDisplayName(s.displayName())
            .setKind(toProto(s.kind()))
            .addAllAllowedPurposes(
                s.allowedPurposes().stream().sorted().map(PurposeMapper::toProto).toList())
            .setValidityMonths(s.validityMonths())
            .setState(
                switch (s.state()) {
                  case ACTIVE -> PlanSpecState.PLAN_SPEC_STATE_ACTIVE;
                  case RETIRED -> PlanSpecState.PLAN_SPEC_STATE_RETIRED;
                })
            .setCreateTime(Timestamps.of(s.createTime()))
            .setUpdateTime(Timestamps.of(s.updateTime()));
    if (s.fixed() != null) {
      b.setFixedPricing(
          io.resourceplans.api.v1.FixedPricing.newBuilder()
              .setQuantity(s.fixed().quantity())
              .setPrice(MoneyMapper.toProto(s.fixed().price())));
    }
    if (s.custom() != null) {
      CustomPricing c = s.custom();
      b.setCustomPricing(
          io.resourceplans.api.v1.CustomPricing.newBuilder()
              .setQuantityStep(c.step())
              .setMinimumQuantity(c.minimum())
              .setMaximumQuantity(c.maximum())
              .addAllTiers(c.tiers().stream().map(CatalogMapper::toProto).toList()));
    }
    if (s.retireTime() != null) {
      b.setRetireTime(Timestamps.of(s.retireTime()));
    }
    for (PurposePrice price : s.purposePrices()) {
      var p =
          io.resourceplans.api.v1.PurposePrice.newBuilder()
              .setPurpose(PurposeMapper.toProto(price.purpose()))
              .addAllTiers(price.tiers().stream().map(CatalogMapper::toProto).toList());
      if (price.fixedPrice() != null) {
        p.setFixedPrice(MoneyMapper.toProto(price.fixedPrice()));
      }
      b.addPurposePrices(p);
    }
    return b.build();
  }

  public static io.resourceplans.api.v1.VolumeTier toProto(VolumeTier t) {
    return io.resourceplans.api.v1.VolumeTier.newBuilder()
        .setMinQuantity(t.minQuantity())
        .setMaxQuantity(t.maxQuantity())
        .setUnitPrice(MoneyMapper.toProto(t.unitPrice()))
        .build();
  }

  public static PlanSpecKind toProto(io.resourceplans.domain.catalog.PlanSpecKind kind) {
    return switch (kind) {
      case FIXED -> PlanSpecKind.PLAN_SPEC_KIND_FIXED;
      case CUSTOM -> PlanSpecKind.PLAN_SPEC_KIND_CUSTOM;
    };
  }

  public static QuotePriceResponse toProto(Quote q) {
    var b =
        QuotePriceResponse.newBuilder()
            .setPlanSpecId(q.spec().planSpecId())
            .setProductId(q.spec().productId())
            .setKind(toProto(q.spec().kind()))
            .setQuantity(q.quantity())
            .setPurpose(PurposeMapper.toProto(q.purpose()))
            .setIssuedQuantity(q.issuedQuantity())
            .setUnitPrice(MoneyMapper.toProto(q.unitPrice()))
            .setTotalAmount(MoneyMapper.toProto(q.total()))
            .setCurrencyCode(q.total().currency())
            .setPurposePriceApplied(q.purposePriceApplied());
    if (q.appliedTier() != null) {
      b.setAppliedTier(toProto(q.appliedTier()));
    }
    return b.build();
  }

  public static NewProduct toNewProduct(io.resourceplans.api.v1.Product p) {
    return new NewProduct(
        p.getProductId(),
        p.getDisplayName(),
        p.getDescription(),
        p.getQuantityUnit(),
        prices(p.getPayAsYouGoPricesList()),
        p.getVendorName());
  }

  /** The fields named in the mask, taken from {@code p}; the others stay null (unchanged). */
  public static ProductUpdate toProductUpdate(io.resourceplans.api.v1.Product p, FieldMask mask) {
    String displayName = null;
    String description = null;
    String quantityUnit = null;
    Map<Purpose, Money> prices = null;
    String vendorName = null;
    for (String path : mask.getPathsList()) {
      switch (path) {
        case "display_name" -> displayName = p.getDisplayName();
        case "description" -> description = p.getDescription();
        case "quantity_unit" -> quantityUnit = p.getQuantityUnit();
        case "pay_as_you_go_prices" -> prices = prices(p.getPayAsYouGoPricesList());
        case "vendor_name" -> vendorName = p.getVendorName();
        default -> throw unknownPath(path);
      }
    }
    return new ProductUpdate(displayName, description, quantityUnit, prices, vendorName);
  }

  public static NewPlanSpec toNewPlanSpec(io.resourceplans.api.v1.PlanSpec s) {
    io.resourceplans.domain.catalog.PlanSpecKind kind =
        switch (s.getKind()) {
          case PLAN_SPEC_KIND_FIXED -> io.resourceplans.domain.catalog.PlanSpecKind.FIXED;
          case PLAN_SPEC_KIND_CUSTOM -> io.resourceplans.domain.catalog.PlanSpecKind.CUSTOM;
          case PLAN_SPEC_KIND_UNSPECIFIED, UNRECOGNIZED ->
              throw DomainException.invalid("plan_spec.kind", "must be PLAN_SPEC_KIND_FIXED or PLAN_SPEC_KIND_CUSTOM");
        };
    return new NewPlanSpec(
        s.getPlanSpecId(),
        s.getProductId(),
        s.getDisplayName(),
        kind,
        purposes(s.getAllowedPurposesList()),
        s.getValidityMonths(),
        s.hasFixedPricing() ? fixed(s.getFixedPricing()) : null,
        s.hasCustomPricing() ? custom(s.getCustomPricing()) : null,
        purposePrices(s.getPurposePricesList()));
  }

  /**
   * The fields named in the mask, taken from {@code s}; the others stay null (unchanged). A pricing
   * named in the mask must be set: a spec cannot lose its price.
   */
  public static PlanSpecUpdate toPlanSpecUpdate(io.resourceplans.api.v1.PlanSpec s, FieldMask mask) {
    String displayName = null;
    Set<Purpose> purposes = null;
    Integer validityMonths = null;
    FixedPricing fixed = null;
    CustomPricing custom = null;
    List<PurposePrice> purposePrices = null;
    for (String path : mask.getPathsList()) {
      switch (path) {
        case "display_name" -> displayName = s.getDisplayName();
        case "allowed_purposes" -> purposes = purposes(s.getAllowedPurposesList());
        case "validity_months" -> validityMonths = s.getValidityMonths();
        case "fixed_pricing" -> {
          if (!s.hasFixedPricing()) {
            throw DomainException.invalid("plan_spec.fixed_pricing", "is named in update_mask but not set");
          }
          fixed = fixed(s.getFixedPricing());
        }
        case "custom_pricing" -> {
          if (!s.hasCustomPricing()) {
            throw DomainException.invalid("plan_spec.custom_pricing", "is named in update_mask but not set");
          }
          custom = custom(s.getCustomPricing());
        }
        case "purpose_prices" -> purposePrices = purposePrices(s.getPurposePricesList());
        default -> throw unknownPath(path);
      }
    }
    return new PlanSpecUpdate(displayName, purposes, validityMonths, fixed, custom, purposePrices);
  }

  private static Map<Purpose, Money> prices(List<PayAsYouGoPrice> prices) {
    Map<Purpose, Money> out = new EnumMap<>(Purpose.class);
    for (int i = 0; i < prices.size(); i++) {
      String path = "product.pay_as_you_go_prices[" + i + "]";
      PayAsYouGoPrice price = prices.get(i);
      Purpose purpose = PurposeMapper.toDomain(price.getPurpose(), path + ".purpose");
      if (out.put(purpose, MoneyMapper.toDomain(price.getUnitPrice(), path + ".unit_price")) != null) {
        throw DomainException.invalid(path + ".purpose", "at most one price per purpose");
      }
    }
    return out;
  }

  private static Set<Purpose> purposes(Collection<io.resourceplans.api.v1.Purpose> purposes) {
    Set<Purpose> out = EnumSet.noneOf(Purpose.class);
    for (var p : purposes) {
      out.add(PurposeMapper.toDomain(p, "plan_spec.allowed_purposes"));
    }
    return out;
  }

  private static FixedPricing fixed(io.resourceplans.api.v1.FixedPricing f) {
    return new FixedPricing(f.getQuantity(), MoneyMapper.toDomain(f.getPrice(), "plan_spec.fixed_pricing.price"));
  }

  private static CustomPricing custom(io.resourceplans.api.v1.CustomPricing c) {
    return new CustomPricing(
        c.getQuantityStep(), c.getMinimumQuantity(), c.getMaximumQuantity(),
        tiers(c.getTiersList(), "plan_spec.custom_pricing.tiers"));
  }

  private static List<VolumeTier> tiers(List<io.resourceplans.api.v1.VolumeTier> in, String path) {
    List<VolumeTier> tiers = new ArrayList<>();
    for (int i = 0; i < in.size(); i++) {
      var t = in.get(i);
      tiers.add(
          new VolumeTier(
              t.getMinQuantity(),
              t.getMaxQuantity(),
              MoneyMapper.toDomain(t.getUnitPrice(), path + "[" + i + "].unit_price")));
    }
    return tiers;
  }

  /** In the given order; shape, purposes and duplicates are checked by CatalogValidation. */
  private static List<PurposePrice> purposePrices(List<io.resourceplans.api.v1.PurposePrice> in) {
    List<PurposePrice> out = new ArrayList<>();
    for (int i = 0; i < in.size(); i++) {
      String path = "plan_spec.purpose_prices[" + i + "]";
      var p = in.get(i);
      out.add(
          new PurposePrice(
              PurposeMapper.toDomain(p.getPurpose(), path + ".purpose"),
              p.hasFixedPrice() ? MoneyMapper.toDomain(p.getFixedPrice(), path + ".fixed_price") : null,
              tiers(p.getTiersList(), path + ".tiers")));
    }
    return out;
  }

  private static DomainException unknownPath(String path) {
    return DomainException.invalid("update_mask", "cannot update " + path);
  }
}
