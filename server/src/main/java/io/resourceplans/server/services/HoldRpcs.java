package io.resourceplans.server.services;

import static io.resourceplans.server.services.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.resourceplans.api.v1.CaptureUsageRequest;
import io.resourceplans.api.v1.CaptureUsageResponse;
import io.resourceplans.api.v1.GetHoldRequest;
import io.resourceplans.api.v1.GetHoldResponse;
import io.resourceplans.api.v1.ListHoldsRequest;
import io.resourceplans.api.v1.ListHoldsResponse;
import io.resourceplans.api.v1.ReleaseUsageRequest;
import io.resourceplans.api.v1.ReleaseUsageResponse;
import io.resourceplans.api.v1.ReserveUsageRequest;
import io.resourceplans.api.v1.ReserveUsageResponse;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.hold.Hold;
import io.resourceplans.domain.hold.HoldObserver;
import io.resourceplans.domain.hold.HoldService;
import io.resourceplans.server.auth.CallPrincipal;
import io.resourceplans.server.idempotency.IdempotentCalls;
import io.resourceplans.server.mapping.HoldMapper;
import io.resourceplans.server.mapping.PurposeMapper;
import java.time.Duration;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * RPC handlers of quota holds (PlanService): ReserveUsage, CaptureUsage, ReleaseUsage, GetHold and
 * ListHolds. Each mutation runs once per request ID; a capture's usage record carries the
 * capture's request ID, which the idempotency record of the call holds meanwhile.
 */
@Singleton
public final class HoldRpcs {
  private static final int DEFAULT_PAGE_SIZE = 20;

  private final HoldService holds;
  private final CallRunner calls;
  private final HoldObserver observer;

  @Inject
  HoldRpcs(HoldService holds, CallRunner calls, HoldObserver observer) {
    this.holds = holds;
    this.calls = calls;
    this.observer = observer;
  }

  public void reserveUsage(ReserveUsageRequest request, StreamObserver<ReserveUsageResponse> out) {
    Principal caller = CallPrincipal.current();
    var purpose = PurposeMapper.toDomain(request.getPurpose(), "purpose");
    reply(out, calls.once(caller, request, ReserveUsageResponse.parser(), (tx, afterCommit) -> {
      Hold hold = holds.reserve(tx, caller, request.getRequestId(), request.getProductId(), purpose,
          request.getRegionId(), request.getQuantity(), Duration.ofSeconds(request.getTtlSeconds()), request.getTag());
      afterCommit.run(() -> observer.reserved(hold));
      return ReserveUsageResponse.newBuilder().setHold(HoldMapper.toProto(hold)).build();
    }));
  }

  public void captureUsage(CaptureUsageRequest request, StreamObserver<CaptureUsageResponse> out) {
    Principal caller = CallPrincipal.current();
    var key = IdempotentCalls.key(caller, request);
    reply(out, calls.once(caller, request, CaptureUsageResponse.parser(), (tx, afterCommit) -> {
      HoldService.Capture capture = holds.capture(tx, caller, request.getHoldId(), request.getQuantity(), key);
      afterCommit.run(() -> observer.captured(capture.hold(), request.getQuantity()));
      return CaptureUsageResponse.newBuilder()
          .setUsageRecord(UsageRpcs.toProto(capture.usageRecord()))
          .setHold(HoldMapper.toProto(capture.hold()))
          .build();
    }));
  }

  public void releaseUsage(ReleaseUsageRequest request, StreamObserver<ReleaseUsageResponse> out) {
    Principal caller = CallPrincipal.current();
    reply(out, calls.once(caller, request, ReleaseUsageResponse.parser(), (tx, afterCommit) -> {
      Hold hold = holds.release(tx, caller, request.getHoldId());
      afterCommit.run(() -> observer.released(hold));
      return ReleaseUsageResponse.newBuilder().setHold(HoldMapper.toProto(hold)).build();
    }));
  }

  public void getHold(GetHoldRequest request, StreamObserver<GetHoldResponse> out) {
    Principal caller = CallPrincipal.current();
    var hold = calls.read(tx -> holds.get(tx, caller, request.getHoldId()));
    reply(out, GetHoldResponse.newBuilder().setHold(HoldMapper.toProto(hold)).build());
  }

  public void listHolds(ListHoldsRequest request, StreamObserver<ListHoldsResponse> out) {
    Principal caller = CallPrincipal.current();
    PageRequest page = Pages.of(request, DEFAULT_PAGE_SIZE);
    var status = HoldMapper.toDomain(request.getStatus());
    var result = calls.read(tx -> holds.list(tx, caller, status, page));
    reply(out, ListHoldsResponse.newBuilder()
        .addAllHolds(result.items().stream().map(HoldMapper::toProto).toList())
        .setNextPageToken(result.nextPageToken().orElse(""))
        .build());
  }
}
