package io.resourceplans.server.services;

import static io.resourceplans.server.services.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.resourceplans.api.v1.AdvanceTestClockRequest;
import io.resourceplans.api.v1.AdvanceTestClockResponse;
import io.resourceplans.api.v1.CreateTestClockRequest;
import io.resourceplans.api.v1.CreateTestClockResponse;
import io.resourceplans.api.v1.GetTestClockRequest;
import io.resourceplans.api.v1.GetTestClockResponse;
import io.resourceplans.api.v1.ListTestClocksRequest;
import io.resourceplans.api.v1.ListTestClocksResponse;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.clock.TestClockService;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.server.auth.CallPrincipal;
import io.resourceplans.server.mapping.TestClockMapper;
import io.resourceplans.server.mapping.Timestamps;
import java.time.Instant;
import javax.inject.Inject;
import javax.inject.Singleton;

/** RPC handlers for test clocks (OperatorService). */
@Singleton
public final class TestClockRpcs {
  private static final int DEFAULT_PAGE_SIZE = 20;

  private final CallRunner calls;
  private final TestClockService clocks;

  @Inject
  TestClockRpcs(CallRunner calls, TestClockService clocks) {
    this.calls = calls;
    this.clocks = clocks;
  }

  public void createTestClock(CreateTestClockRequest request, StreamObserver<CreateTestClockResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireOperator();
    Instant frozen = request.hasFrozenTime() ? Timestamps.toInstant(request.getFrozenTime()) : null;
    reply(
        out,
        calls.once(
            caller,
            request,
            CreateTestClockResponse.parser(),
            tx ->
                CreateTestClockResponse.newBuilder()
                    .setTestClock(TestClockMapper.toProto(clocks.create(tx, caller, request.getName(), frozen)))
                    .build()));
  }

  public void getTestClock(GetTestClockRequest request, StreamObserver<GetTestClockResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireOperator();
    var clock = calls.read(tx -> clocks.get(tx, caller, request.getTestClockId()));
    reply(out, GetTestClockResponse.newBuilder().setTestClock(TestClockMapper.toProto(clock)).build());
  }

  public void listTestClocks(ListTestClocksRequest request, StreamObserver<ListTestClocksResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireOperator();
    PageRequest page = Pages.of(request, DEFAULT_PAGE_SIZE);
    var result = calls.read(tx -> clocks.list(tx, caller, page));
    reply(
        out,
        ListTestClocksResponse.newBuilder()
            .addAllTestClocks(result.items().stream().map(TestClockMapper::toProto).toList())
            .setNextPageToken(result.nextPageToken().orElse(""))
            .build());
  }

  public void advanceTestClock(AdvanceTestClockRequest request, StreamObserver<AdvanceTestClockResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireOperator();
    TestClockService.Target target =
        request.getTargetCase() == AdvanceTestClockRequest.TargetCase.ACCOUNT_ID
            ? new TestClockService.Target(null, request.getAccountId())
            : new TestClockService.Target(request.getTestClockId(), null);
    Instant frozen = Timestamps.toInstant(request.getFrozenTime());
    reply(
        out,
        calls.once(
            caller,
            request,
            AdvanceTestClockResponse.parser(),
            tx ->
                AdvanceTestClockResponse.newBuilder()
                    .setTestClock(TestClockMapper.toProto(clocks.advance(tx, caller, target, frozen)))
                    .build()));
  }
}
