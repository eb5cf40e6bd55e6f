package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static io.resourceplans.storage.testing.Eventually.within;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.RetryInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.RecordUsageResponse;
import io.resourceplans.server.errors.StatusMapper;
import io.resourceplans.server.testing.AlertFixtures;
import io.resourceplans.server.testing.Errors;
import io.resourceplans.server.testing.TestServer;
import io.resourceplans.storage.testing.TestDatabase;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A database outage is UNAVAILABLE with reason DATABASE_UNAVAILABLE (retryable, unlike INTERNAL,
 * after the 1 s of RetryInfo and grpc-retry-pushback-ms), and the server recovers by itself once
 * the database is back: the same request then succeeds and deducts once.
 */
class DatabaseUnavailableTest {
  @RegisterExtension
  static final TestServer server = TestServer.forClass();

  @Test
  void usageDuringAnOutageIsUnavailableAndTheSameRequestSucceedsOnceTheDatabaseIsBack() {
    CreateAccountResponse buyer = AlertFixtures.buyer(server, "Outage Sender", "");
    String key = buyer.getApiKeySecret();
    String packageId = AlertFixtures.buy(server, key, 100, Purpose.PURPOSE_MARKETING).getPackageId();
    RecordUsageRequest request =
        RecordUsageRequest.newBuilder()
            .setRequestId("during-outage-1")
            .setProductId(AlertFixtures.PRODUCT)
            .setPurpose(Purpose.PURPOSE_MARKETING)
            .setQuantity(7)
            .setRegionId(AlertFixtures.REGION)
            .build();

    try (TestDatabase.Outage outage = server.databaseOutage()) {
      var e = assertRefused(Status.Code.UNAVAILABLE, "DATABASE_UNAVAILABLE", () -> server.plan(key).recordUsage(request));
      // RetryInfo's 1 s, for gRPC's own retry policy too.
      assertEquals(1, Errors.details(e, RetryInfo.class).get(0).getRetryDelay().getSeconds());
      assertEquals("1000", e.getTrailers().get(StatusMapper.RETRY_PUSHBACK_MS));
    }

    RecordUsageResponse answer = retriedWhileUnavailable(() -> server.plan(key).recordUsage(request));
    assertEquals(7, answer.getUsageRecord().getDeductions(0).getQuantity());
    assertEquals(packageId, answer.getUsageRecord().getDeductions(0).getPackageId());
    assertEquals(answer, server.plan(key).recordUsage(request));
    long remaining = server.jdbi().withHandle(h -> h.createQuery(
            "select remaining_quantity from packages where package_id = :p")
        .bind("p", packageId).mapTo(Long.class).one());
    assertEquals(93, remaining);
  }

  @Test
  void healthIsNotServingDuringAnOutageAndServingAgainRightAfter() throws Exception {
    HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(server.channel());
    HealthCheckRequest all = HealthCheckRequest.getDefaultInstance();
    // The other test's outage may have ended a moment ago.
    assertTrue(within(Duration.ofSeconds(2), () -> health.check(all).getStatus() == ServingStatus.SERVING), "SERVING before");
    try (TestDatabase.Outage outage = server.databaseOutage()) {
      assertTrue(within(Duration.ofSeconds(2), () -> health.check(all).getStatus() == ServingStatus.NOT_SERVING), "NOT_SERVING during the outage");
      // Health answers at once, without waiting for a pooled connection.
      long start = System.nanoTime();
      health.check(all);
      assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(500), "health answered without waiting");
    }
    assertTrue(within(Duration.ofSeconds(2), () -> health.check(all).getStatus() == ServingStatus.SERVING), "SERVING once the database answers");
  }

  /**
   * As a caller would: after the outage, a pooled connection it killed may still be handed out once
   * (the pool skips checking one used in the last 500 ms) and is dropped when it fails.
   */
  private static <T> T retriedWhileUnavailable(Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.UNAVAILABLE || attempt > 20) {
          throw e;
        }
      }
    }
  }
}
