package io.resourceplans.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthGrpc;
import io.resourceplans.api.v1.PlanServiceGrpc;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.RecordUsageResponse;
import io.resourceplans.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while a call is still running, with the embedded database: the server stops taking new
 * calls but the call finishes OK within the grace period (its database is stopped only after the calls
 * drained), and the process exits 0.
 */
class ShutdownIT {
  @TempDir Path dir;

  @Test
  void aCallInFlightAtSigtermFinishesAndTheServerExitsZero() throws Exception {
    Path data = dir.resolve("data");
    ServerProcess server = ServerProcess.start(data, dir.resolve("server.log"), List.of("--shutdown-grace-seconds=30"));
    try {
      Tenant tenant = Tenant.create(server.channel(), "Draining Sender", 1_000, "100000");
      int pgPort = Integer.parseInt(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(3).trim());
      String url = "jdbc:postgresql://localhost:" + pgPort + "/resource_plans?user=postgres";
      try (Connection holder = DriverManager.getConnection(url); Connection watcher = DriverManager.getConnection(url)) {
        // Hold the package's row lock, so the RecordUsage below waits inside the database.
        holder.setAutoCommit(false);
        try (var lock = holder.prepareStatement("select 1 from packages where account_id = ? and package_id = ? for update")) {
          lock.setString(1, tenant.accountId());
          lock.setString(2, tenant.packageId());
          lock.executeQuery().close();
        }
        var held =
            PlanServiceGrpc.newFutureStub(server.channel())
                .withCallCredentials(TestServer.bearer(tenant.key()))
                .withDeadlineAfter(60, TimeUnit.SECONDS)
                .recordUsage(
                    RecordUsageRequest.newBuilder()
                        .setRequestId("held-1")
                        .setProductId(Tenant.PRODUCT)
                        .setPurpose(Tenant.PURPOSE)
                        .setRegionId(Tenant.REGION)
                        .setQuantity(5)
                        .build());
        awaitLockWait(watcher);

        server.sigterm();
        // Longer than it took the embedded database to go under the library's shutdown hook.
        Thread.sleep(1_500);
        assertTrue(server.isAlive(), "the server waits for its call");
        assertEquals(1, selectOne(watcher), "the embedded database still serves the call");
        // New calls are not taken any more: the listener is closed.
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () ->
            HealthGrpc.newBlockingStub(server.channel()).withDeadlineAfter(5, TimeUnit.SECONDS)
                .check(HealthCheckRequest.getDefaultInstance()));
        assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode());
        assertFalse(held.isDone());

        holder.rollback();
        RecordUsageResponse answer = held.get(20, TimeUnit.SECONDS);
        assertEquals(5, answer.getUsageRecord().getPackageQuantity());
        assertEquals(995, answer.getUsageRecord().getDeductions(0).getRemainingQuantity());
      }

      assertEquals(0, server.awaitExit(Duration.ofSeconds(60)), server.tail());
      String log = server.log();
      assertTrue(log.contains("stopped"), log);
      assertFalse(log.contains("\tat "), "no stack trace:\n" + log);
      assertFalse(Files.exists(data.resolve("postgres/postmaster.pid")), "the embedded PostgreSQL was stopped");
    } finally {
      server.close();
    }
  }

  /** Waits until a session of the server waits for a row lock. */
  private static void awaitLockWait(Connection watcher) throws Exception {
    for (int i = 0; i < 500; i++) {
      try (var rs = watcher.createStatement().executeQuery(
          "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()")) {
        rs.next();
        if (rs.getLong(1) > 0) {
          return;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("RecordUsage never waited for the package lock");
  }

  private static int selectOne(Connection c) throws Exception {
    try (var rs = c.createStatement().executeQuery("select 1")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
