package io.resourceplans.bench;

import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.resourceplans.client.ResourcePlansException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One closed-loop caller of the standard gRPC health check (the rpc-floor scenario): the cheapest
 * call the server answers, over the same channel, Netty server and executor as the API calls, but
 * with no API key, validation, access log, metrics or database. What it reaches is the ceiling of
 * every other call in this set-up (client and server sharing the machine's CPUs).
 */
final class HealthCheckCaller extends LoadCaller {
  private static final HealthCheckRequest CHECK = HealthCheckRequest.getDefaultInstance();

  HealthCheckCaller(Scenario scenario, AtomicLong accountCursor, LoadPhase phase, Throughput throughput) {
    super(scenario, accountCursor, phase, throughput);
  }

  @Override
  void callOnce() {
    BenchAccount account = nextAccount();
    LoadPhase.State startedIn = phase.state();
    long start = System.nanoTime();
    HealthCheckResponse response;
    try {
      response = HealthGrpc.newBlockingStub(account.channel())
          .withDeadlineAfter(BenchAccount.DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
          .check(CHECK);
    } catch (StatusRuntimeException e) {
      countError(ResourcePlansException.from(e, Optional.empty()), measured(startedIn), 0);
      return;
    }
    long elapsed = System.nanoTime() - start;
    throughput.succeeded();
    if (response.getStatus() != HealthCheckResponse.ServingStatus.SERVING) {
      stats.unexpectedAnswers++;
    }
    if (measured(startedIn)) {
      stats.recordLatency(elapsed);
      stats.measuredFresh++;
      stats.measuredRecords++;
    } else {
      stats.unmeasured++;
    }
  }
}
