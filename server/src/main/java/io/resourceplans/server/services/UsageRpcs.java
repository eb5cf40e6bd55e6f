package io.resourceplans.server.services;

import static io.resourceplans.server.services.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.resourceplans.api.v1.CheckQuotaRequest;
import io.resourceplans.api.v1.CheckQuotaResponse;
import io.resourceplans.api.v1.PackageDeduction;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.RecordUsageResponse;
import io.resourceplans.api.v1.UsageRecord;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.quota.QuotaCheck;
import io.resourceplans.domain.quota.UsageService;
import io.resourceplans.server.auth.CallPrincipal;
import io.resourceplans.server.idempotency.IdempotentCalls;
import io.resourceplans.server.mapping.MoneyMapper;
import io.resourceplans.server.mapping.PurposeMapper;
import io.resourceplans.server.mapping.Timestamps;
import javax.inject.Inject;
import javax.inject.Singleton;

/** RPC handlers of the usage hot path: RecordUsage and CheckQuota. */
@Singleton
public final class UsageRpcs {
  private final CallRunner calls;
  private final UsageService usage;

  @Inject
  UsageRpcs(CallRunner calls, UsageService usage) {
    this.calls = calls;
    this.usage = usage;
  }

  public void recordUsage(RecordUsageRequest request, StreamObserver<RecordUsageResponse> out) {
    Principal caller = CallPrincipal.current();
    Purpose purpose = PurposeMapper.toDomain(request.getPurpose(), "purpose");
    // Idempotent by request ID in UsageService itself: a retry's answer is rebuilt from the usage
    // record the first request wrote.
    io.resourceplans.domain.quota.UsageRecord recorded =
        usage.record(
            caller, IdempotentCalls.key(caller, request), request.getProductId(), purpose, request.getQuantity(),
            request.getRegionId());
    reply(out, RecordUsageResponse.newBuilder().setUsageRecord(toProto(recorded)).build());
  }

  public void checkQuota(CheckQuotaRequest request, StreamObserver<CheckQuotaResponse> out) {
    Principal caller = CallPrincipal.current();
    Purpose purpose = PurposeMapper.toDomain(request.getPurpose(), "purpose");
    QuotaCheck check =
        calls.singleRead(
            tx -> usage.check(tx, caller, request.getProductId(), purpose, request.getQuantity(), request.getRegionId()));
    reply(
        out,
        CheckQuotaResponse.newBuilder()
            .setAllowed(check.allowed())
            .setPackageQuantity(check.packageQuantity())
            .setPayAsYouGoQuantity(check.payAsYouGoQuantity())
            .setEstimatedCharge(MoneyMapper.toProto(check.estimatedCharge()))
            .setPayAsYouGoActive(check.payAsYouGoActive())
            .setPackageRemainingQuantity(check.packageRemaining())
            .setDenialReason(check.denial() == null ? "" : check.denial().reason())
            .build());
  }

  private static UsageRecord toProto(io.resourceplans.domain.quota.UsageRecord r) {
    UsageRecord.Builder b =
        UsageRecord.newBuilder()
            .setUsageId(r.usageId())
            .setRequestId(r.requestId())
            .setProductId(r.productId())
            .setPurpose(PurposeMapper.toProto(r.purpose()))
            .setRegionId(r.regionId())
            .setQuantity(r.quantity())
            .setPackageQuantity(r.packageQuantity())
            .setPayAsYouGoQuantity(r.payAsYouGoQuantity())
            .setPayAsYouGoCharge(MoneyMapper.toProto(r.payAsYouGoCharge()))
            .setRecordTime(Timestamps.of(r.recordTime()));
    if (r.payAsYouGoUnitPrice() != null) {
      b.setPayAsYouGoUnitPrice(MoneyMapper.toProto(r.payAsYouGoUnitPrice()));
    }
    for (var d : r.deductions()) {
      b.addDeductions(
          PackageDeduction.newBuilder()
              .setPackageId(d.packageId())
              .setPurpose(PurposeMapper.toProto(d.purpose()))
              .setQuantity(d.quantity())
              .setRemainingQuantity(d.remainingAfter()));
    }
    return b.build();
  }
}
