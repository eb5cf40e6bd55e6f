package io.resourceplans.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.PlanServiceGrpc;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.server.testing.Buyers;
import io.resourceplans.server.testing.PrometheusText;
import io.resourceplans.server.testing.TestServer;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A call the client gives up on is counted CANCELLED (not as whatever the server answers later),
 * and is in flight only until then.
 */
class CancelledCallMetricsTest {
  private static final String REGION = "ap-southeast-1";
  private static final String RECORD_USAGE = "resourceplans.v1.PlanService/RecordUsage";

  @RegisterExtension static final TestServer server = TestServer.forClass();

  @Test
  void aCallTheClientCancelsCountsAsCancelled() throws Exception {
    int port = server.startMetricsEndpoint();
    CreateAccountResponse account = Buyers.verifiedAccount(server, "Impatient Sender");
    Buyers.fund(server, account, "1000.00", null);
    String key = account.getApiKeySecret();
    String packageId =
        Buyers.buy(server, key, "sms-domestic-custom", 100, Purpose.PURPOSE_MARKETING, REGION).getPackages(0).getPackageId();

    try (Handle holder = server.jdbi().open()) {
      // Hold the package's row lock: the RecordUsage below waits inside the database.
      holder.begin();
      holder.createQuery("select 1 from packages where account_id = :a and package_id = :p for update")
          .bind("a", account.getAccount().getAccountId())
          .bind("p", packageId)
          .mapTo(Integer.class)
          .one();
      var held =
          PlanServiceGrpc.newFutureStub(server.channel())
              .withCallCredentials(TestServer.bearer(key))
              .withDeadlineAfter(60, TimeUnit.SECONDS)
              .recordUsage(
                  RecordUsageRequest.newBuilder()
                      .setRequestId(TestServer.requestId())
                      .setProductId("sms-domestic")
                      .setPurpose(Purpose.PURPOSE_MARKETING)
                      .setRegionId(REGION)
                      .setQuantity(5)
                      .build());
      PrometheusText.scrapeUntil("127.0.0.1", port, p -> p.valueOr(-1, "rp_grpc_server_calls_in_flight", "method", RECORD_USAGE) == 1);

      held.cancel(true);
      assertThrows(CancellationException.class, held::get);
      PrometheusText page =
          PrometheusText.scrapeUntil("127.0.0.1", port, p -> p.valueOr(0, "rp_grpc_server_calls_total", "method", RECORD_USAGE, "code", "CANCELLED", "reason", "") == 1);
      assertEquals(0, page.value("rp_grpc_server_calls_in_flight", "method", RECORD_USAGE));
      assertEquals(1, page.value("rp_grpc_server_call_duration_seconds_count", "method", RECORD_USAGE, "code", "CANCELLED"));
      holder.rollback();
    }
    // The server's work finished after the cancel; the call still counts once, as CANCELLED.
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (server.count("usage_records") == 0) {
      assertTrue(System.nanoTime() < deadline, "the held usage never finished");
      Thread.sleep(50);
    }
    PrometheusText page = PrometheusText.scrape("127.0.0.1", port);
    assertEquals(1, page.sum("rp_grpc_server_calls_total", "method", RECORD_USAGE));
    assertEquals(0, page.value("rp_grpc_server_calls_in_flight", "method", RECORD_USAGE));
  }

}
