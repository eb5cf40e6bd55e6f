package io.resourceplans.server.metrics;

import static io.resourceplans.server.testing.Errors.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.CreateOrderRequest;
import io.resourceplans.api.v1.PayOrderRequest;
import io.resourceplans.api.v1.PayOrderResponse;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.ResolveLoginTicketRequest;
import io.resourceplans.api.v1.UsageRecord;
import io.resourceplans.server.testing.Buyers;
import io.resourceplans.server.testing.Moneys;
import io.resourceplans.server.testing.PrometheusText;
import io.resourceplans.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The metrics endpoint of an in-process server (as --metrics-port serves it; MetricsIT starts the
 * real server with the flag): after known calls, the scraped page holds the gRPC counters and
 * histograms with the right codes and reasons, the usage and order counters, the outbox backlog,
 * the delivery counters, the pool gauges, the database state and the JVM's, with exact values,
 * and no label value is an ID of the test's.
 */
@Tag("citus") // the outbox backlog is a cross-shard aggregate there
class MetricsEndpointTest {
  private static final String REGION = "ap-southeast-1";
  private static final String RECORD_USAGE = "resourceplans.v1.PlanService/RecordUsage";
  private static final String PAY_ORDER = "resourceplans.v1.PlanService/PayOrder";

  @RegisterExtension static final TestServer server = TestServer.forClass();
  private static int port;

  @BeforeAll
  static void startEndpoint() throws Exception {
    port = server.startMetricsEndpoint();
  }

  private static PrometheusText scrape() throws Exception {
    return PrometheusText.scrape("127.0.0.1", port);
  }

  private static RecordUsageRequest usage(Purpose purpose, long quantity) {
    return RecordUsageRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setProductId("sms-domestic")
        .setPurpose(purpose)
        .setQuantity(quantity)
        .setRegionId(REGION)
        .build();
  }

  @Test
  void aScrapeAfterKnownCallsHoldsTheirCountsAndTheServersState() throws Exception {
    List<String> ids = new ArrayList<>();
    CreateAccountResponse account = Buyers.verifiedAccount(server, "Metered Sender");
    Buyers.fund(server, account, "10000.00", null);
    String key = account.getApiKeySecret();
    ids.add(account.getAccount().getAccountId());
    ids.add(key);
    var order =
        server.plan(key)
            .createOrder(
                CreateOrderRequest.newBuilder()
                    .setRequestId(TestServer.requestId())
                    .setPlanSpecId("sms-domestic-custom")
                    .setQuantity(100)
                    .setPurpose(Purpose.PURPOSE_VERIFICATION_NOTIFICATION)
                    .setRegionId(REGION)
                    .setAcceptedTermsVersion(Buyers.currentPlanTerms(server, key))
                    .build())
            .getOrder();
    PayOrderRequest pay = PayOrderRequest.newBuilder().setRequestId(TestServer.requestId()).setOrderId(order.getOrderId()).build();
    PayOrderResponse paid = server.plan(key).payOrder(pay);
    // A retry gets the first answer and is no second payment.
    assertEquals(paid, server.plan(key).payOrder(pay));
    ids.add(pay.getRequestId());
    ids.add(paid.getOrder().getOrderId());
    ids.add(paid.getPackages(0).getPackageId());
    // The order's notices were queued at the clock's time; the scrape sees them 90 s old.
    server.clock.advance(Duration.ofSeconds(90));

    // Three covered, one retry of the first, one refused, one partly pay-as-you-go, one unauthenticated.
    List<RecordUsageRequest> covered = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      RecordUsageRequest r = usage(Purpose.PURPOSE_VERIFICATION_NOTIFICATION, 10);
      UsageRecord record = server.plan(key).recordUsage(r).getUsageRecord();
      assertEquals(10, record.getPackageQuantity());
      covered.add(r);
      ids.add(r.getRequestId());
      ids.add(record.getUsageId());
    }
    assertEquals(10, server.plan(key).recordUsage(covered.get(0)).getUsageRecord().getPackageQuantity());
    RecordUsageRequest refused = usage(Purpose.PURPOSE_MARKETING, 1);
    ids.add(refused.getRequestId());
    assertRefused(Status.Code.RESOURCE_EXHAUSTED, "QUOTA_EXHAUSTED", () -> server.plan(key).recordUsage(refused));
    Buyers.activatePayAsYouGo(server, key, "sms-domestic", REGION);
    RecordUsageRequest overflow = usage(Purpose.PURPOSE_VERIFICATION_NOTIFICATION, 100);
    ids.add(overflow.getRequestId());
    UsageRecord mixed = server.plan(key).recordUsage(overflow).getUsageRecord();
    assertEquals(70, mixed.getPackageQuantity());
    assertEquals(30, mixed.getPayAsYouGoQuantity());
    assertRefused(
        Status.Code.UNAUTHENTICATED,
        "API_KEY_INVALID",
        () -> server.plan("rpk.no-such-key-0000000000").recordUsage(usage(Purpose.PURPOSE_GENERAL, 1)));
    // A forged login ticket.
    assertRefused(
        Status.Code.INVALID_ARGUMENT,
        "LOGIN_TICKET_INVALID",
        () -> server.binding().resolveLoginTicket(
            ResolveLoginTicketRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setTicket("lt1.YWNjLTAwMDB8dGt0fGluc3xwcm9k.AAAAAAAAAAAAAAAA")
                .setProductId("acme-observability")
                .build()));

    // The backlog is read at most every 5 s (another test's scrape may have read it just now, with
    // these rows already queued but before the clock moved: their age 0), so until a read after both.
    Map<String, Long> pending = pendingByChannel();
    long pendingRows = pending.values().stream().mapToLong(Long::longValue).sum();
    PrometheusText page = PrometheusText.scrapeUntil("127.0.0.1", port,
        p -> p.sum("rp_notifications_backlog", "status", "PENDING") == pendingRows
            && p.value("rp_notifications_oldest_pending_age_seconds", "channel", "EMAIL") >= 90);

    // gRPC: calls by method, code and reason; the latency histogram by method and code.
    assertEquals(5, page.value("rp_grpc_server_calls_total", "method", RECORD_USAGE, "code", "OK", "reason", ""));
    assertEquals(1, page.value("rp_grpc_server_calls_total",
        "method", RECORD_USAGE, "code", "RESOURCE_EXHAUSTED", "reason", "QUOTA_EXHAUSTED"));
    assertEquals(1, page.value("rp_grpc_server_calls_total",
        "method", RECORD_USAGE, "code", "UNAUTHENTICATED", "reason", "API_KEY_INVALID"));
    assertEquals(7, page.sum("rp_grpc_server_calls_total", "method", RECORD_USAGE));
    assertEquals(2, page.value("rp_grpc_server_calls_total", "method", PAY_ORDER, "code", "OK", "reason", ""));
    assertEquals(5, page.value("rp_grpc_server_call_duration_seconds_bucket", "method", RECORD_USAGE, "code", "OK", "le", "+Inf"));
    assertEquals(5, page.value("rp_grpc_server_call_duration_seconds_count", "method", RECORD_USAGE, "code", "OK"));
    assertEquals(1, page.value("rp_grpc_server_call_duration_seconds_count",
        "method", RECORD_USAGE, "code", "RESOURCE_EXHAUSTED"));
    assertTrue(page.value("rp_grpc_server_call_duration_seconds_sum", "method", RECORD_USAGE, "code", "OK") > 0);
    // Cumulative buckets: each at most the next.
    Map<Map<String, String>, Double> buckets =
        page.series("rp_grpc_server_call_duration_seconds_bucket", "method", RECORD_USAGE, "code", "OK");
    assertEquals(GrpcServerMetrics.BUCKETS.length + 1, buckets.size(), buckets.toString());
    double previous = 0;
    for (Duration bound : GrpcServerMetrics.BUCKETS) {
      double count = buckets.get(Map.of("method", RECORD_USAGE, "code", "OK", "le", le(bound)));
      assertTrue(count >= previous, buckets.toString());
      previous = count;
    }
    assertEquals(0, page.value("rp_grpc_server_calls_in_flight", "method", RECORD_USAGE));
    assertEquals(1, page.value("rp_login_ticket_failures_total", "reason", "LOGIN_TICKET_INVALID"));
    assertEquals(0, page.value("rp_login_ticket_failures_total", "reason", "LOGIN_TICKET_EXPIRED"));
    assertEquals(0, page.value("rp_verification_code_failures_total", "reason", "VERIFICATION_CODE_INVALID"));

    // RecordUsage outcomes and messages.
    assertEquals(3, page.value("rp_usage_outcomes_total", "outcome", "covered", "reason", ""));
    assertEquals(1, page.value("rp_usage_outcomes_total", "outcome", "replayed", "reason", ""));
    assertEquals(1, page.value("rp_usage_outcomes_total", "outcome", "pay_as_you_go", "reason", ""));
    assertEquals(1, page.value("rp_usage_outcomes_total", "outcome", "refused", "reason", "QUOTA_EXHAUSTED"));
    assertEquals(6, page.sum("rp_usage_outcomes_total"));
    assertEquals(100, page.value("rp_usage_messages_deducted_total",
        "product", "sms-domestic", "purpose", "VERIFICATION_NOTIFICATION"));
    assertEquals(100, page.sum("rp_usage_messages_deducted_total"));
    assertEquals(30, page.value("rp_usage_messages_pay_as_you_go_total",
        "product", "sms-domestic", "purpose", "VERIFICATION_NOTIFICATION"));
    // Every authenticated RecordUsage was offered to the covered path first, one at a time.
    assertEquals(6, page.value("rp_usage_batch_size_count"));
    assertEquals(6, page.value("rp_usage_batch_size_sum"));
    assertEquals(6, page.value("rp_usage_batch_size_bucket", "le", "1.0"));

    // Orders: the retried PayOrder is not counted again.
    assertEquals(1, page.value("rp_orders_paid_total", "currency", "CNY"));
    assertEquals(
        Double.parseDouble(Moneys.plain(paid.getOrder().getTotalAmount())),
        page.value("rp_orders_paid_amount_total", "currency", "CNY"),
        1e-9);

    // The outbox backlog, as the database holds it.
    assertTrue(pending.getOrDefault("EMAIL", 0L) > 0, pending.toString());
    for (String channel : List.of("EMAIL", "SMS", "INTERNAL_MESSAGE")) {
      long rows = pending.getOrDefault(channel, 0L);
      assertEquals(rows, page.value("rp_notifications_backlog", "channel", channel, "status", "PENDING"), channel);
      assertEquals(0, page.value("rp_notifications_backlog", "channel", channel, "status", "FAILED"), channel);
      double age = page.value("rp_notifications_oldest_pending_age_seconds", "channel", channel);
      assertEquals(rows == 0 ? 0 : 90, age, channel);
      assertEquals(rows == 0 ? 0 : 90, page.value("rp_notifications_due_lag_seconds", "channel", channel), channel);
    }

    // The pool (TestDatabase's has 8 connections), the database, the JVM.
    String pool = server.poolName();
    assertEquals(8, page.value("hikaricp_connections_max", "pool", pool));
    double active = page.value("hikaricp_connections_active", "pool", pool);
    double idle = page.value("hikaricp_connections_idle", "pool", pool);
    assertTrue(active >= 0 && idle >= 0 && active + idle <= 8, "active " + active + ", idle " + idle);
    assertEquals(0, page.value("hikaricp_connections_pending", "pool", pool));
    assertEquals(0, page.value("hikaricp_connections_timeout_total", "pool", pool));
    assertEquals(1, page.value("rp_database_up"));
    // The background passes are there before they first run (the test server's never come round).
    for (String pass : List.of("notification-dispatcher", "webhook-dispatcher", "expiry-reminders", "hold-expiry",
        "payg-spend-alerts", "idempotency-purge", "event-retention")) {
      assertEquals(0, page.value("rp_background_passes_total", "pass", pass, "result", "failed"), pass);
      assertEquals(0, page.value("rp_background_pass_last_success_timestamp_seconds", "pass", pass), pass);
    }
    assertTrue(page.sum("jvm_memory_used_bytes", "area", "heap") > 0);
    assertTrue(page.value("jvm_threads_live_threads") > 0);
    assertTrue(page.names().contains("process_uptime_seconds"), page.names().toString());

    assertNoIdIsALabel(page, ids);

    // A dispatcher pass (no SMTP or SMS configured): email and SMS SKIPPED, internal messages sent.
    server.dispatch();
    PrometheusText after = scrape();
    assertEquals((double) pending.getOrDefault("EMAIL", 0L), after.value("rp_notification_deliveries_total", "channel", "EMAIL", "result", "skipped"));
    assertEquals((double) pending.getOrDefault("SMS", 0L), after.value("rp_notification_deliveries_total", "channel", "SMS", "result", "skipped"));
    assertEquals(
        (double) pending.getOrDefault("INTERNAL_MESSAGE", 0L),
        after.value("rp_notification_deliveries_total", "channel", "INTERNAL_MESSAGE", "result", "sent"));
    assertEquals(0, after.sum("rp_notification_deliveries_total", "result", "failed"));
    assertEquals(0, after.sum("rp_notification_deliveries_total", "result", "retry"));
    // The backlog is read again once the last reading is 5 s old: then nothing is pending.
    PrometheusText drained = PrometheusText.scrapeUntil("127.0.0.1", port, p -> p.sum("rp_notifications_backlog", "status", "PENDING") == 0);
    assertEquals(0, drained.value("rp_notifications_oldest_pending_age_seconds", "channel", "EMAIL"));
  }

  @Test
  void theEndpointAnswersOnlyItsTwoPaths() throws Exception {
    HttpResponse<String> index = PrometheusText.get("127.0.0.1", port, "/");
    assertEquals(200, index.statusCode());
    assertTrue(index.body().contains("/metrics"), index.body());
    assertEquals(404, PrometheusText.get("127.0.0.1", port, "/metrics/extra").statusCode());
    assertEquals(404, PrometheusText.get("127.0.0.1", port, "/favicon.ico").statusCode());
    // The page is the text format Prometheus reads: every family typed.
    server.newAccount("Typed Page");
    PrometheusText page = scrape();
    assertTrue(page.text().contains("# TYPE rp_grpc_server_calls_total counter"), page.text());
    assertTrue(page.text().contains("# TYPE rp_grpc_server_call_duration_seconds histogram"), page.text());
    assertTrue(page.text().contains("# TYPE rp_database_up gauge"), page.text());
  }


  /** Prometheus's le value of a bucket bound, as Micrometer writes it (seconds). */
  private static String le(Duration bound) {
    return Double.toString(bound.toNanos() / 1e9);
  }

  private static Map<String, Long> pendingByChannel() {
    Map<String, Long> out = new java.util.TreeMap<>();
    server.jdbi().useHandle(h -> h.createQuery(
            "select channel, count(*) from notification_outbox where status = 'PENDING' group by channel")
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
        .forEach(e -> out.put(e.getKey(), e.getValue())));
    return out;
  }

  private static void assertNoIdIsALabel(PrometheusText page, List<String> ids) {
    Set<String> values = page.labelValues();
    for (String id : ids) {
      assertTrue(!values.contains(id), "label value " + id + " is an ID of the test");
    }
    for (String value : values) {
      assertTrue(value.length() <= 80, "a long label value: " + value);
    }
  }
}
