package io.resourceplans.server.mapping;

import io.resourceplans.api.v1.Hold;
import io.resourceplans.api.v1.HoldAllocation;
import io.resourceplans.api.v1.HoldStatus;

/** Quota holds between the domain and the API. */
public final class HoldMapper {
  private HoldMapper() {}

  public static Hold toProto(io.resourceplans.domain.hold.Hold h) {
    Hold.Builder b = Hold.newBuilder()
        .setHoldId(h.holdId())
        .setRequestId(h.requestId())
        .setProductId(h.productId())
        .setPurpose(PurposeMapper.toProto(h.purpose()))
        .setRegionId(h.regionId())
        .setTag(h.tag())
        .setQuantity(h.quantity())
        .setCapturedQuantity(h.captured())
        .setReleasedQuantity(h.released())
        .setHeldQuantity(h.held())
        .setStatus(toProto(h.status()))
        .setCreateTime(Timestamps.of(h.createTime()))
        .setExpireTime(Timestamps.of(h.expireTime()));
    if (h.finishTime() != null) {
      b.setFinishTime(Timestamps.of(h.finishTime()));
    }
    var payg = h.payAsYouGo();
    if (payg != null) {
      b.setPayAsYouGoQuantity(payg.quantity())
          .setPayAsYouGoCapturedQuantity(payg.captured())
          .setPayAsYouGoUnitPrice(MoneyMapper.toProto(payg.unitPrice()))
          .setPayAsYouGoAmount(MoneyMapper.toProto(payg.amount()))
          .setPayAsYouGoReleasedAmount(MoneyMapper.toProto(payg.releasedAmount()));
    }
    for (var a : h.allocations()) {
      b.addAllocations(HoldAllocation.newBuilder()
          .setPackageId(a.packageId())
          .setPurpose(PurposeMapper.toProto(a.purpose()))
          .setQuantity(a.quantity())
          .setCapturedQuantity(a.captured())
          .setReleasedQuantity(a.released())
          .setHeldQuantity(a.held()));
    }
    return b.build();
  }

  public static HoldStatus toProto(io.resourceplans.domain.hold.HoldStatus s) {
    return HoldStatus.valueOf("HOLD_STATUS_" + s.name());
  }

  /** A filter: unspecified is null (all). */
  public static io.resourceplans.domain.hold.HoldStatus toDomain(HoldStatus s) {
    return s == HoldStatus.HOLD_STATUS_UNSPECIFIED
        ? null
        : io.resourceplans.domain.hold.HoldStatus.valueOf(s.name().substring("HOLD_STATUS_".length()));
  }
}
