package io.resourceplans.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static io.resourceplans.storage.testing.Eventually.within;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.StatusProto;
import io.resourceplans.api.v1.GetWalletRequest;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.storage.db.EmbeddedDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's PostgreSQL (a private cluster this test starts) stops for about five seconds under
 * traffic: health goes NOT_SERVING within a second, calls answer UNAVAILABLE / DATABASE_UNAVAILABLE
 * with RetryInfo within the connect timeout (never INTERNAL, never a deadline), the first call after
 * the database is back succeeds within a second, and the requests refused meanwhile, resent with
 * their request_ids, are each recorded once.
 */
@ResourceLock(value = DatabaseOutageIT.TIME_BOUNDS, mode = ResourceAccessMode.READ_WRITE)
class DatabaseOutageIT {
  /**
   * Held (shared) by the ITs that load the machine most while they run in parallel (see the
   * failsafe configuration), and alone by this one, whose 1 s bounds are for a machine not also
   * running those.
   */
  static final String TIME_BOUNDS = "fault-test-time-bounds";

  private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(2_000);
  private static final Duration OUTAGE = Duration.ofSeconds(5);
  private static final Duration ONE_SECOND = Duration.ofSeconds(1);

  @TempDir Path dir;

  @Test
  void anOutageIsReportedAnsweredFastAndLeftBehindAtOnce() throws Exception {
    Path pgData = dir.resolve("postgres");
    EmbeddedDatabase postgres = EmbeddedDatabase.start(pgData, 0);
    int pgPort = postgres.port();
    String url = "jdbc:postgresql://localhost:" + pgPort + "/resource_plans";
    ServerProcess server =
        ServerProcess.start(
            dir.resolve("data"),
            dir.resolve("server.log"),
            List.of("--database-url=" + url, "--database-user=postgres",
                "--database-connect-timeout-ms=" + CONNECT_TIMEOUT.toMillis()));
    try {
      Tenant tenant = Tenant.create(server.channel(), "Outage Sender", 10_000, "100000");
      HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(server.channel());
      assertEquals(ServingStatus.SERVING, status(health));
      assertEquals(1, usage(server, tenant, "before", 1).getUsageRecord().getPackageQuantity());

      postgres.close();
      long down = System.nanoTime();
      assertTrue(within(ONE_SECOND, () -> status(health) == ServingStatus.NOT_SERVING), "NOT_SERVING within 1 s");

      List<String> refused = new ArrayList<>();
      List<String> correlationIds = new ArrayList<>();
      int n = 0;
      while (System.nanoTime() - down < OUTAGE.toNanos()) {
        String requestId = "during-" + n++;
        long start = System.nanoTime();
        StatusRuntimeException e = refusal(() -> usage(server, tenant, requestId, 1));
        correlationIds.add(assertUnavailableWithRetryInfo(e, start));
        refused.add(requestId);
        start = System.nanoTime();
        correlationIds.add(assertUnavailableWithRetryInfo(refusal(() -> Stubs.plan(server.channel(), tenant.key()).getWallet(
            GetWalletRequest.getDefaultInstance())), start));
      }

      postgres = EmbeddedDatabase.start(pgData, pgPort);
      long up = System.nanoTime();
      var first = usage(server, tenant, "first-after", 1);
      assertTrue(System.nanoTime() - up < ONE_SECOND.toNanos(), "the first call after the outage succeeded within 1 s");
      assertEquals(1, first.getUsageRecord().getPackageQuantity());
      assertTrue(within(ONE_SECOND, () -> status(health) == ServingStatus.SERVING), "SERVING again");

      for (String requestId : refused) {
        usage(server, tenant, requestId, 1);
        usage(server, tenant, requestId, 1);
      }
      long remaining = usage(server, tenant, "after", 1).getUsageRecord().getDeductions(0).getRemainingQuantity();
      assertEquals(10_000 - 3 - refused.size(), remaining, "each refused request, resent twice, deducted once");

      String log = server.log();
      assertFalse(log.contains("\tat "), "no stack trace:\n" + log);
      for (String id : correlationIds) {
        // Besides the call's access-log line, one line says what went wrong.
        List<String> lines =
            log.lines().filter(l -> l.contains(id) && !l.contains(" io.resourceplans.access - ")).toList();
        assertEquals(1, lines.size(), "one log line per refused call: " + id);
        // The RPC, the reason and what went wrong underneath (classes and SQL states only).
        assertTrue(lines.get(0).contains("failed DATABASE_UNAVAILABLE") && !lines.get(0).contains("cause=none"), lines.get(0));
        assertEquals(1, log.lines().filter(l -> l.contains(id) && l.contains(" io.resourceplans.access - ")
            && l.contains("code=UNAVAILABLE reason=DATABASE_UNAVAILABLE")).count(), "its access-log line: " + id);
      }
    } finally {
      server.close();
      postgres.close();
    }
  }

  private static io.resourceplans.api.v1.RecordUsageResponse usage(ServerProcess server, Tenant tenant, String requestId, long quantity) {
    return Stubs.plan(server.channel(), tenant.key())
        .recordUsage(
            RecordUsageRequest.newBuilder()
                .setRequestId(requestId)
                .setProductId(Tenant.PRODUCT)
                .setPurpose(Tenant.PURPOSE)
                .setRegionId(Tenant.REGION)
                .setQuantity(quantity)
                .build());
  }

  /** Returns the correlation ID the refusal carries. */
  private static String assertUnavailableWithRetryInfo(StatusRuntimeException e, long start) throws Exception {
    long elapsed = System.nanoTime() - start;
    assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode(), e.getStatus().toString());
    com.google.rpc.Status details = StatusProto.fromThrowable(e);
    boolean reason = false;
    boolean retry = false;
    String correlationId = null;
    for (var any : details.getDetailsList()) {
      if (any.is(ErrorInfo.class)) {
        reason = "DATABASE_UNAVAILABLE".equals(any.unpack(ErrorInfo.class).getReason());
        correlationId = any.unpack(ErrorInfo.class).getMetadataOrDefault("correlation_id", null);
      }
      if (any.is(RetryInfo.class)) {
        retry = any.unpack(RetryInfo.class).getRetryDelay().getSeconds() > 0;
      }
    }
    assertTrue(reason, "reason DATABASE_UNAVAILABLE: " + details);
    assertTrue(retry, "RetryInfo: " + details);
    assertTrue(elapsed < CONNECT_TIMEOUT.plusMillis(500).toNanos(), "answered within the connect timeout: " + elapsed / 1_000_000 + " ms");
    assertTrue(correlationId != null, "a correlation ID: " + details);
    return correlationId;
  }

  private static StatusRuntimeException refusal(Runnable call) {
    try {
      call.run();
    } catch (StatusRuntimeException e) {
      return e;
    }
    throw new AssertionError("a call succeeded while the database was down");
  }

  private static ServingStatus status(HealthGrpc.HealthBlockingStub health) {
    return health.withDeadlineAfter(1, TimeUnit.SECONDS).check(HealthCheckRequest.getDefaultInstance()).getStatus();
  }
}
