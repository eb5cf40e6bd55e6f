package io.resourceplans.server.metrics;

import static io.resourceplans.server.testing.AlertFixtures.PRODUCT;
import static io.resourceplans.server.testing.AlertFixtures.REGION;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.resourceplans.api.v1.CaptureUsageRequest;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.ReleaseUsageRequest;
import io.resourceplans.api.v1.ReserveUsageRequest;
import io.resourceplans.server.testing.AlertFixtures;
import io.resourceplans.server.testing.PrometheusText;
import io.resourceplans.server.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Quota holds on the metrics endpoint (docs/operations.md): each change counted once after it
 * committed, a resent request not again, with the units it moved by product.
 */
class HoldMetricsTest {
  @RegisterExtension static final TestServer server = TestServer.forClass();
  private static int port;

  @BeforeAll
  static void startEndpoint() throws Exception {
    port = server.startMetricsEndpoint();
  }

  private static ReserveUsageRequest reserve(long quantity, int ttlSeconds) {
    return ReserveUsageRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setProductId(PRODUCT)
        .setPurpose(Purpose.PURPOSE_MARKETING)
        .setRegionId(REGION)
        .setQuantity(quantity)
        .setTtlSeconds(ttlSeconds)
        .build();
  }

  private static double holds(PrometheusText page, String event) {
    return page.valueOr(0, "rp_holds_total", "event", event);
  }

  private static double units(PrometheusText page, String event) {
    return page.valueOr(0, "rp_hold_messages_total", "event", event, "product", PRODUCT);
  }

  @Test
  void eachHoldChangeIsCountedOnceWithTheUnitsItMoved() throws Exception {
    String key = AlertFixtures.buyer(server, "Held Metrics", "").getApiKeySecret();
    AlertFixtures.buy(server, key, 1000, Purpose.PURPOSE_MARKETING);
    var plan = server.plan(key);

    ReserveUsageRequest first = reserve(300, 600);
    String held = plan.reserveUsage(first).getHold().getHoldId();
    plan.reserveUsage(first); // resent: the first answer, no second hold
    CaptureUsageRequest capture =
        CaptureUsageRequest.newBuilder().setRequestId(TestServer.requestId()).setHoldId(held).setQuantity(120).build();
    plan.captureUsage(capture);
    plan.captureUsage(capture);
    ReleaseUsageRequest release = ReleaseUsageRequest.newBuilder().setRequestId(TestServer.requestId()).setHoldId(held).build();
    plan.releaseUsage(release);
    plan.releaseUsage(release);
    // Another hold left to run out: the expiry pass releases all of it.
    plan.reserveUsage(reserve(50, 60));
    server.clock.advance(Duration.ofSeconds(61));
    assertEquals(1, server.component().holds().expireDue(server.clock.instant()));

    PrometheusText page = PrometheusText.scrape("127.0.0.1", port);
    assertEquals(2, holds(page, "reserved"));
    assertEquals(1, holds(page, "captured"));
    assertEquals(1, holds(page, "released"));
    assertEquals(1, holds(page, "expired"));
    assertEquals(350, units(page, "reserved"));
    assertEquals(120, units(page, "captured"));
    assertEquals(180, units(page, "released"));
    assertEquals(50, units(page, "expired"));
  }
}
