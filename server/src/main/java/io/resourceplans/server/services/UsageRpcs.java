package io.resourceplans.server.services;

import static io.resourceplans.server.services.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.resourceplans.api.v1.CheckQuotaRequest;
import io.resourceplans.api.v1.CheckQuotaResponse;
import io.resourceplans.api.v1.PackageDeduction;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.RecordUsageResponse;
import io.resourceplans.api.v1.RecordUsageResult;
import io.resourceplans.api.v1.RecordUsagesRequest;
import io.resourceplans.api.v1.RecordUsagesResponse;
import io.resourceplans.api.v1.UsageRecord;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.FieldViolation;
import io.resourceplans.domain.quota.QuotaCheck;
import io.resourceplans.domain.quota.UsageRequest;
import io.resourceplans.domain.quota.UsageResult;
import io.resourceplans.domain.quota.UsageService;
import io.resourceplans.server.auth.CallPrincipal;
import io.resourceplans.server.errors.StatusMapper;
import io.resourceplans.server.idempotency.IdempotentCalls;
import io.resourceplans.server.mapping.MoneyMapper;
import io.resourceplans.server.mapping.PurposeMapper;
import io.resourceplans.server.mapping.Timestamps;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;

/** RPC handlers of the usage hot path: RecordUsage, RecordUsages and CheckQuota. */
@Singleton
public final class UsageRpcs {
  private final UsageService usage;

  /** No CallRunner: the usage path opens its own transactions and reads (see {@link CallRunner}). */
  @Inject
  UsageRpcs(UsageService usage) {
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

  /**
   * RecordUsages: each record as RecordUsage would decide it ({@link UsageService#recordAll}); a
   * refusal is that record's {@code error}, the status RecordUsage would have failed with (built by
   * the one StatusMapper). A request_id given twice is bad input, refused before anything is
   * recorded, as the validation interceptor refuses the records' own fields.
   */
  public void recordUsages(RecordUsagesRequest request, StreamObserver<RecordUsagesResponse> out) {
    Principal caller = CallPrincipal.current();
    List<RecordUsageRequest> records = request.getRecordsList();
    Map<String, Integer> firstIndex = new HashMap<>(records.size() * 2);
    List<FieldViolation> duplicates = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      Integer first = firstIndex.putIfAbsent(records.get(i).getRequestId(), i);
      if (first != null) {
        duplicates.add(new FieldViolation(
            "records[" + i + "].request_id", "must be unique within the call: records[" + first + "] has it too"));
      }
    }
    if (!duplicates.isEmpty()) {
      throw DomainException.invalid(duplicates);
    }
    List<UsageRequest> requests = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      RecordUsageRequest r = records.get(i);
      requests.add(new UsageRequest(IdempotentCalls.key(caller, r), r.getProductId(),
          PurposeMapper.toDomain(r.getPurpose(), "records[" + i + "].purpose"), r.getQuantity(), r.getRegionId()));
    }
    List<UsageResult> results = usage.recordAll(caller, requests);
    RecordUsagesResponse.Builder response = RecordUsagesResponse.newBuilder();
    for (int i = 0; i < results.size(); i++) {
      UsageResult result = results.get(i);
      RecordUsageResult.Builder b = response.addResultsBuilder().setRequestId(records.get(i).getRequestId());
      if (result.refusal() != null) {
        b.setError(StatusMapper.toStatus(result.refusal()));
      } else {
        b.setUsageRecord(toProto(result.record())).setReplayed(result.replayed());
      }
    }
    reply(out, response.build());
  }

  public void checkQuota(CheckQuotaRequest request, StreamObserver<CheckQuotaResponse> out) {
    Principal caller = CallPrincipal.current();
    Purpose purpose = PurposeMapper.toDomain(request.getPurpose(), "purpose");
    QuotaCheck check = usage.check(caller, request.getProductId(), purpose, request.getQuantity(), request.getRegionId());
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

  /** A usage record as RecordUsage answers it (CaptureUsage answers its record so too). */
  static UsageRecord toProto(io.resourceplans.domain.quota.UsageRecord r) {
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
