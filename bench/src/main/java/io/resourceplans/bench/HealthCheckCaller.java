package io.resourceplans.bench;

import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
  CompletionStage<?> callOnce() {
    BenchAccount account = nextAccount();
    LoadPhase.State startedIn = phase.state();
    long start = System.nanoTime();
    CompletableFuture<HealthCheckResponse> answer = new CompletableFuture<>();
    HealthGrpc.newStub(account.channel())
        .withDeadlineAfter(BenchAccount.DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
        .check(CHECK, new StreamObserver<>() {
          @Override
          public void onNext(HealthCheckResponse value) {
            answer.complete(value);
          }

          @Override
          public void onError(Throwable failure) {
            answer.completeExceptionally(failure);
          }

          @Override
          public void onCompleted() {
            answer.completeExceptionally(new IllegalStateException("a health check answered nothing"));
          }
        });
    return answer.handle((response, failure) -> {
      if (failure != null) {
        countError(failure, measured(startedIn), 0);
        return null;
      }
      countAnswered(start, startedIn, response.getStatus() == HealthCheckResponse.ServingStatus.SERVING);
      return null;
    });
  }
}
