package io.resourceplans.server.errors;

import static io.resourceplans.server.testing.Errors.assertRefused;
import static io.resourceplans.server.testing.Errors.details;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.RetryInfo;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.resourceplans.api.v1.ActivationServiceGrpc;
import io.resourceplans.api.v1.GetAccountRequest;
import io.resourceplans.api.v1.GetAccountResponse;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.storage.db.SqlFailures;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A status with a google.rpc.RetryInfo also carries its delay in the grpc-retry-pushback-ms
 * trailer, which is what gRPC's own retry policy (the Java client's) waits for; RetryInfo alone it
 * ignores.
 */
class RetryPushbackTest {
  @Test
  void aRefusalWithRetryInfoCarriesTheSameDelayAsRetryPushback() {
    StatusException cooldown =
        StatusMapper.toException(
            StatusMapper.toStatus(
                new DomainException(
                    ErrorCode.VERIFICATION_CODE_COOLDOWN,
                    "a code was sent to this email too recently",
                    Map.of(DomainException.RETRY_DELAY_SECONDS, "42"))));
    assertEquals("42000", cooldown.getTrailers().get(StatusMapper.RETRY_PUSHBACK_MS));

    StatusException quota =
        StatusMapper.toException(StatusMapper.toStatus(new DomainException(ErrorCode.QUOTA_EXHAUSTED, "no quota")));
    assertNull(quota.getTrailers().get(StatusMapper.RETRY_PUSHBACK_MS), "no RetryInfo, no pushback");
    StatusException internal = StatusMapper.toException(StatusMapper.internal("c0ffee"));
    assertNull(internal.getTrailers().get(StatusMapper.RETRY_PUSHBACK_MS), "no RetryInfo, no pushback");
  }

  @Test
  void grpcRetryPolicyWaitsThePushbackOfADatabaseOutage() throws Exception {
    Queue<Long> attempts = new ConcurrentLinkedQueue<>();
    ActivationServiceGrpc.ActivationServiceImplBase unavailable =
        new ActivationServiceGrpc.ActivationServiceImplBase() {
          @Override
          public void getAccount(GetAccountRequest request, StreamObserver<GetAccountResponse> answer) {
            attempts.add(System.nanoTime());
            throw SqlFailures.unavailable(new SQLException("connection refused", "08001"));
          }
        };
    String name = InProcessServerBuilder.generateName();
    Server server =
        InProcessServerBuilder.forName(name)
            .addService(ServerInterceptors.intercept(unavailable, new ExceptionTranslatingInterceptor()))
            .build()
            .start();
    // A retry policy whose own backoff is a millisecond: a second attempt a second later waited the
    // pushback.
    Map<String, ?> retryPolicy =
        Map.of(
            "maxAttempts", 2.0,
            "initialBackoff", "0.001s",
            "maxBackoff", "0.001s",
            "backoffMultiplier", 1.0,
            "retryableStatusCodes", List.of("UNAVAILABLE"));
    Map<String, ?> serviceConfig =
        Map.of(
            "methodConfig",
            List.of(
                Map.of(
                    "name", List.of(Map.of("service", ActivationServiceGrpc.SERVICE_NAME)),
                    "retryPolicy", retryPolicy)));
    ManagedChannel channel =
        InProcessChannelBuilder.forName(name).defaultServiceConfig(serviceConfig).enableRetry().build();
    try {
      var e =
          assertRefused(
              Status.Code.UNAVAILABLE,
              "DATABASE_UNAVAILABLE",
              () ->
                  ActivationServiceGrpc.newBlockingStub(channel)
                      .withDeadlineAfter(30, TimeUnit.SECONDS)
                      .getAccount(GetAccountRequest.getDefaultInstance()));
      assertEquals(1, details(e, RetryInfo.class).get(0).getRetryDelay().getSeconds());
      assertEquals("1000", e.getTrailers().get(StatusMapper.RETRY_PUSHBACK_MS));
      List<Long> times = List.copyOf(attempts);
      assertEquals(2, times.size(), "attempts");
      long waitedMillis = TimeUnit.NANOSECONDS.toMillis(times.get(1) - times.get(0));
      assertTrue(waitedMillis >= 990, () -> "the retry came after " + waitedMillis + " ms, not the 1000 ms pushed back");
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
