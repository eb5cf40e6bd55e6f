package io.resourceplans.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.server.testing.PrometheusText;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server started with --metrics-port: after known calls, its /metrics page holds the
 * per-method call counters and latency histograms with the right codes, the usage and order
 * counters, the outbox backlog as the database holds it, the pool's gauges, the database state and
 * the JVM's; no label value is an ID; and the endpoint goes away with the server.
 */
class MetricsIT {
  private static final String RECORD_USAGE = "resourceplans.v1.PlanService/RecordUsage";

  @TempDir Path dir;

  @Test
  void theMetricsPortServesTheServersCountsAndState() throws Exception {
    int metricsPort = freePort();
    Path data = dir.resolve("data");
    ServerProcess server =
        ServerProcess.start(
            data,
            dir.resolve("server.log"),
            // The dispatcher does not come round during the test: the order's notices stay PENDING.
            List.of("--metrics-port=" + metricsPort, "--dispatch-period-ms=86400000", "--pool-size=6"));
    try {
      Tenant tenant = Tenant.create(server.channel(), "Metered Tenant", 1_000, "100000");
      List<String> ids = new ArrayList<>(List.of(tenant.accountId(), tenant.key(), tenant.packageId()));
      List<RecordUsageRequest> sent = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        RecordUsageRequest r = usage(Tenant.PURPOSE, 10);
        assertEquals(10, Stubs.plan(server.channel(), tenant.key()).recordUsage(r).getUsageRecord().getPackageQuantity());
        sent.add(r);
        ids.add(r.getRequestId());
      }
      // A retry of the first; then a purpose no package covers, without pay-as-you-go.
      Stubs.plan(server.channel(), tenant.key()).recordUsage(sent.get(0));
      RecordUsageRequest uncovered = usage(Purpose.PURPOSE_VERIFICATION_NOTIFICATION, 1);
      ids.add(uncovered.getRequestId());
      StatusRuntimeException refused =
          assertThrows(StatusRuntimeException.class, () -> Stubs.plan(server.channel(), tenant.key()).recordUsage(uncovered));
      assertEquals(Status.Code.RESOURCE_EXHAUSTED, refused.getStatus().getCode());

      PrometheusText page = PrometheusText.scrape("127.0.0.1", metricsPort);

      assertEquals(4, page.value("rp_grpc_server_calls_total", "method", RECORD_USAGE, "code", "OK", "reason", ""));
      assertEquals(1, page.value("rp_grpc_server_calls_total",
          "method", RECORD_USAGE, "code", "RESOURCE_EXHAUSTED", "reason", "QUOTA_EXHAUSTED"));
      assertEquals(5, page.sum("rp_grpc_server_calls_total", "method", RECORD_USAGE));
      assertEquals(4, page.value("rp_grpc_server_call_duration_seconds_bucket",
          "method", RECORD_USAGE, "code", "OK", "le", "+Inf"));
      assertEquals(1, page.value("rp_grpc_server_call_duration_seconds_bucket",
          "method", RECORD_USAGE, "code", "RESOURCE_EXHAUSTED", "le", "+Inf"));
      assertEquals(1, page.value("rp_grpc_server_calls_total",
          "method", "resourceplans.v1.PlanService/PayOrder", "code", "OK", "reason", ""));
      assertEquals(0, page.value("rp_grpc_server_calls_in_flight", "method", RECORD_USAGE));

      assertEquals(3, page.value("rp_usage_outcomes_total", "outcome", "covered", "reason", ""));
      assertEquals(1, page.value("rp_usage_outcomes_total", "outcome", "replayed", "reason", ""));
      assertEquals(1, page.value("rp_usage_outcomes_total", "outcome", "refused", "reason", "QUOTA_EXHAUSTED"));
      assertEquals(0, page.value("rp_usage_outcomes_total", "outcome", "pay_as_you_go", "reason", ""));
      assertEquals(30, page.value("rp_usage_messages_deducted_total", "product", Tenant.PRODUCT, "purpose", "MARKETING"));
      assertEquals(1, page.value("rp_orders_paid_total", "currency", "CNY"));

      Map<String, Long> pending = pendingByChannel(data);
      assertTrue(pending.getOrDefault("EMAIL", 0L) > 0, pending.toString());
      for (String channel : List.of("EMAIL", "SMS", "INTERNAL_MESSAGE")) {
        assertEquals(
            (double) pending.getOrDefault(channel, 0L),
            page.value("rp_notifications_backlog", "channel", channel, "status", "PENDING"),
            channel);
      }
      assertTrue(page.value("rp_notifications_oldest_pending_age_seconds", "channel", "EMAIL") >= 0);

      assertEquals(6, page.value("hikaricp_connections_max", "pool", "resource-plans"));
      double active = page.value("hikaricp_connections_active", "pool", "resource-plans");
      double idle = page.value("hikaricp_connections_idle", "pool", "resource-plans");
      assertTrue(active >= 0 && idle >= 0 && active + idle <= 6, "active " + active + ", idle " + idle);
      assertEquals(0, page.value("hikaricp_connections_pending", "pool", "resource-plans"));
      assertEquals(0, page.value("hikaricp_connections_timeout_total", "pool", "resource-plans"));
      assertEquals(1, page.value("rp_database_up"));
      assertTrue(page.sum("jvm_memory_used_bytes", "area", "heap") > 0);
      assertTrue(page.value("jvm_threads_live_threads") > 0);

      for (String id : ids) {
        assertFalse(page.labelValues().contains(id), "label value " + id + " is an ID of the test");
      }

      assertEquals(200, PrometheusText.get("127.0.0.1", metricsPort, "/").statusCode());
    } finally {
      server.close();
    }
    assertEquals(0, server.awaitExit(Duration.ofSeconds(60)), server.tail());
    assertThrows(IOException.class, () -> PrometheusText.get("127.0.0.1", metricsPort, "/metrics"));
    String log = server.log();
    assertTrue(log.contains("metrics at http://*:" + metricsPort + "/metrics"), log);
  }

  private static RecordUsageRequest usage(Purpose purpose, long quantity) {
    return RecordUsageRequest.newBuilder()
        .setRequestId(UUID.randomUUID().toString())
        .setProductId(Tenant.PRODUCT)
        .setPurpose(purpose)
        .setRegionId(Tenant.REGION)
        .setQuantity(quantity)
        .build();
  }

  /** PENDING outbox rows by channel, read from the server's embedded PostgreSQL. */
  private static Map<String, Long> pendingByChannel(Path data) throws Exception {
    int pgPort = Integer.parseInt(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(3).trim());
    String url = "jdbc:postgresql://localhost:" + pgPort + "/resource_plans?user=postgres";
    Map<String, Long> out = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(url);
        var rs = c.createStatement().executeQuery(
            "select channel, count(*) from notification_outbox where status = 'PENDING' group by channel")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
    }
    return out;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
