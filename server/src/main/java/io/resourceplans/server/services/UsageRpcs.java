package io.resourceplans.server.services;

import static io.resourceplans.server.services.Replies.emptyToNull;
import static io.resourceplans.server.services.Replies.reply;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.resourceplans.api.v1.CheckQuotaRequest;
import io.resourceplans.api.v1.CheckQuotaResponse;
import io.resourceplans.api.v1.ExportUsageRecordsRequest;
import io.resourceplans.api.v1.ExportUsageRecordsResponse;
import io.resourceplans.api.v1.ListUsageRecordsRequest;
import io.resourceplans.api.v1.ListUsageRecordsResponse;
import io.resourceplans.api.v1.PackageDeduction;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.RecordUsageResponse;
import io.resourceplans.api.v1.RecordUsageResult;
import io.resourceplans.api.v1.RecordUsagesRequest;
import io.resourceplans.api.v1.RecordUsagesResponse;
import io.resourceplans.api.v1.UsageRecord;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.FieldViolation;
import io.resourceplans.domain.quota.QuotaCheck;
import io.resourceplans.domain.quota.UsageHistory;
import io.resourceplans.domain.quota.UsageRepository;
import io.resourceplans.domain.quota.UsageRequest;
import io.resourceplans.domain.quota.UsageResult;
import io.resourceplans.domain.quota.UsageService;
import io.resourceplans.server.auth.CallPrincipal;
import io.resourceplans.server.errors.StatusMapper;
import io.resourceplans.server.idempotency.IdempotentCalls;
import io.resourceplans.server.mapping.MoneyMapper;
import io.resourceplans.server.mapping.PurposeMapper;
import io.resourceplans.server.mapping.Timestamps;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * RPC handlers of the usage hot path (RecordUsage, RecordUsages and CheckQuota) and of its history
 * (ListUsageRecords, ExportUsageRecords).
 */
@Singleton
public final class UsageRpcs {
  private static final int DEFAULT_PAGE_SIZE = 20;
  /** Rows per chunk of ExportUsageRecords: one page of the listing. */
  private static final int EXPORT_PAGE_SIZE = PageRequest.MAX_PAGE_SIZE;
  /** ExportUsageRecords' header row (the columns ExportUsageRecordsResponse documents). */
  static final String CSV_HEADER = "usage_id,request_id,record_time,product_id,purpose,region_id,tag,quantity,"
      + "package_quantity,deductions,pay_as_you_go_quantity,pay_as_you_go_unit_price,pay_as_you_go_charge,currency\r\n";

  private final UsageService usage;
  private final UsageHistory history;
  private final CallRunner calls;

  /**
   * The usage path opens its own transactions and reads (see {@link CallRunner}); the history is
   * read through {@code calls}.
   */
  @Inject
  UsageRpcs(UsageService usage, UsageHistory history, CallRunner calls) {
    this.usage = usage;
    this.history = history;
    this.calls = calls;
  }

  public void recordUsage(RecordUsageRequest request, StreamObserver<RecordUsageResponse> out) {
    Principal caller = CallPrincipal.current();
    Purpose purpose = PurposeMapper.toDomain(request.getPurpose(), "purpose");
    // Idempotent by request ID in UsageService itself: a retry's answer is rebuilt from the usage
    // record the first request wrote.
    io.resourceplans.domain.quota.UsageRecord recorded =
        usage.record(
            caller, IdempotentCalls.key(caller, request), request.getProductId(), purpose, request.getQuantity(),
            request.getRegionId(), emptyToNull(request.getTag()));
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
          PurposeMapper.toDomain(r.getPurpose(), "records[" + i + "].purpose"), r.getQuantity(), r.getRegionId(),
          emptyToNull(r.getTag())));
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

  public void listUsageRecords(ListUsageRecordsRequest request, StreamObserver<ListUsageRecordsResponse> out) {
    Principal caller = CallPrincipal.current();
    PageRequest page = Pages.of(request, DEFAULT_PAGE_SIZE);
    UsageRepository.Filter filter = filter(
        request.hasStartTime() ? request.getStartTime() : null, request.hasEndTime() ? request.getEndTime() : null,
        request.getProductId(), request.getPurpose(), request.getPackageId(), request.getRequestIdPrefix(),
        request.getTag());
    Page<io.resourceplans.domain.quota.UsageRecord> result = calls.read(tx -> history.list(tx, caller, filter, page));
    reply(
        out,
        ListUsageRecordsResponse.newBuilder()
            .addAllUsageRecords(result.items().stream().map(UsageRpcs::toProto).toList())
            .setNextPageToken(result.nextPageToken().orElse(""))
            .build());
  }

  /**
   * ExportUsageRecords: the listing's pages, one read transaction each (the period is never held in
   * memory, nor one snapshot open for the whole stream), each page one chunk of CSV, the header
   * first. Between chunks it waits while the transport's buffer is full (the client reads slower
   * than the database), so the server holds about one chunk per stream; a cancelled call stops.
   */
  public void exportUsageRecords(ExportUsageRecordsRequest request, StreamObserver<ExportUsageRecordsResponse> out) {
    Principal caller = CallPrincipal.current();
    UsageRepository.Filter filter = filter(request.getStartTime(), request.getEndTime(), request.getProductId(),
        request.getPurpose(), request.getPackageId(), request.getRequestIdPrefix(), request.getTag());
    ServerCallStreamObserver<ExportUsageRecordsResponse> stream =
        out instanceof ServerCallStreamObserver<ExportUsageRecordsResponse> s ? s : null;
    // The resume tokens continue only this period and these filters (Pages' list key).
    String list = Pages.listKey(request.toBuilder().clearResumeToken().build());
    PageRequest page = PageRequest.of(EXPORT_PAGE_SIZE, EXPORT_PAGE_SIZE, request.getResumeToken(), list, "resume_token");
    StringBuilder csv = new StringBuilder(request.getResumeToken().isEmpty() ? CSV_HEADER : "");
    while (true) {
      PageRequest current = page;
      Page<io.resourceplans.domain.quota.UsageRecord> result =
          calls.read(tx -> history.list(tx, caller, filter, current));
      for (var r : result.items()) {
        csvRow(csv, r);
      }
      if (stream != null && !awaitReady(stream)) {
        return;
      }
      out.onNext(ExportUsageRecordsResponse.newBuilder()
          .setCsvData(ByteString.copyFrom(csv.toString(), StandardCharsets.UTF_8))
          .setResumeToken(result.nextPageToken().orElse(""))
          .build());
      csv.setLength(0);
      if (result.nextPageToken().isEmpty()) {
        break;
      }
      page = PageRequest.of(EXPORT_PAGE_SIZE, EXPORT_PAGE_SIZE, result.nextPageToken().get(), list);
    }
    out.onCompleted();
  }

  /** Waits while the stream's outbound buffer is full; false when the call was cancelled. */
  private static boolean awaitReady(ServerCallStreamObserver<?> stream) {
    long pause = 1;
    while (!stream.isReady()) {
      if (stream.isCancelled()) {
        return false;
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        // The server is stopping: the call fails as retryable, the client asks again.
        Thread.currentThread().interrupt();
        throw new DomainException(
            io.resourceplans.domain.error.ErrorCode.DATABASE_UNAVAILABLE, "the server is stopping", java.util.Map.of());
      }
      pause = Math.min(pause * 2, 50);
    }
    return !stream.isCancelled();
  }

  /** The listing's filters from a request's fields (empty = none). */
  private static UsageRepository.Filter filter(
      Timestamp start, Timestamp end, String productId, io.resourceplans.api.v1.Purpose purpose, String packageId,
      String requestIdPrefix, String tag) {
    UsageRepository.Filter filter = new UsageRepository.Filter(
        start == null ? null : Timestamps.toInstant(start),
        end == null ? null : Timestamps.toInstant(end),
        emptyToNull(productId),
        purpose == io.resourceplans.api.v1.Purpose.PURPOSE_UNSPECIFIED ? null : PurposeMapper.toDomain(purpose, "purpose"),
        emptyToNull(packageId),
        emptyToNull(requestIdPrefix),
        emptyToNull(tag));
    UsageHistory.requirePeriod(filter);
    return filter;
  }

  /** One record as a CSV row (RFC 4180), the columns of {@link #CSV_HEADER}. */
  static void csvRow(StringBuilder csv, io.resourceplans.domain.quota.UsageRecord r) {
    StringBuilder deductions = new StringBuilder();
    for (var d : r.deductions()) {
      deductions.append(deductions.length() == 0 ? "" : ";").append(d.packageId()).append(':').append(d.quantity());
    }
    String[] fields = {
        r.usageId(), r.requestId(), r.recordTime().toString(), r.productId(), r.purpose().name(), r.regionId(),
        r.tag() == null ? "" : r.tag(), Long.toString(r.quantity()), Long.toString(r.packageQuantity()),
        deductions.toString(), Long.toString(r.payAsYouGoQuantity()),
        r.payAsYouGoUnitPrice() == null ? "" : plain(r.payAsYouGoUnitPrice().amount()),
        plain(r.payAsYouGoCharge().amount()), r.payAsYouGoCharge().currency()};
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        csv.append(',');
      }
      String f = fields[i];
      if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
        csv.append('"').append(f.replace("\"", "\"\"")).append('"');
      } else {
        csv.append(f);
      }
    }
    csv.append("\r\n");
  }

  private static String plain(BigDecimal amount) {
    return amount.stripTrailingZeros().toPlainString();
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
    if (r.tag() != null) {
      b.setTag(r.tag());
    }
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
