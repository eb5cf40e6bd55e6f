package io.resourceplans.server.metrics;

import static io.resourceplans.server.testing.Errors.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.server.testing.AlertFixtures;
import io.resourceplans.server.testing.PrometheusText;
import io.resourceplans.server.testing.TestServer;
import io.resourceplans.storage.testing.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * During a database outage the page still answers at once: the database is down (0), the backlog
 * is unknown (NaN) rather than a stale or zero count, and a RecordUsage that could not reach the
 * database is no usage refusal; afterwards the database is up again.
 */
class DatabaseDownMetricsTest {
  private static final String RECORD_USAGE = "resourceplans.v1.PlanService/RecordUsage";

  @RegisterExtension static final TestServer server = TestServer.forClass();

  @Test
  void anOutageShowsAsDatabaseDownAndAnUnknownBacklog() throws Exception {
    int port = server.startMetricsEndpoint();
    String key = AlertFixtures.buyer(server, "Outage Meter", "").getApiKeySecret();
    AlertFixtures.buy(server, key, 100, Purpose.PURPOSE_MARKETING);
    PrometheusText before = PrometheusText.scrape("127.0.0.1", port);
    assertEquals(1, before.value("rp_database_up"));

    try (TestDatabase.Outage outage = server.databaseOutage()) {
      PrometheusText during =
          PrometheusText.scrapeUntil("127.0.0.1", port, p -> p.value("rp_database_up") == 0
              && Double.isNaN(p.value("rp_notifications_backlog", "channel", "EMAIL", "status", "PENDING")));
      assertTrue(Double.isNaN(during.value("rp_notifications_oldest_pending_age_seconds", "channel", "EMAIL")));
      long start = System.nanoTime();
      PrometheusText.scrape("127.0.0.1", port);
      assertTrue(System.nanoTime() - start < Duration.ofMillis(500).toNanos(), "a scrape does not wait for the database");
      assertRefused(
          Status.Code.UNAVAILABLE,
          "DATABASE_UNAVAILABLE",
          () -> server.plan(key).recordUsage(
              RecordUsageRequest.newBuilder()
                  .setRequestId(TestServer.requestId())
                  .setProductId(AlertFixtures.PRODUCT)
                  .setPurpose(Purpose.PURPOSE_MARKETING)
                  .setQuantity(1)
                  .setRegionId(AlertFixtures.REGION)
                  .build()));
    }
    PrometheusText after = PrometheusText.scrapeUntil("127.0.0.1", port, p -> p.value("rp_database_up") == 1);
    assertEquals(1, after.value("rp_grpc_server_calls_total",
        "method", RECORD_USAGE, "code", "UNAVAILABLE", "reason", "DATABASE_UNAVAILABLE"));
    assertEquals(0, after.sum("rp_usage_outcomes_total"));
  }

}
