package io.resourceplans.server;

import static io.resourceplans.server.testing.AlertFixtures.PRODUCT;
import static io.resourceplans.server.testing.AlertFixtures.evaluate;
import static io.resourceplans.server.testing.AlertFixtures.outbox;
import static io.resourceplans.server.testing.AlertFixtures.setRemaining;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.resourceplans.api.v1.AlertSetting;
import io.resourceplans.api.v1.AlertState;
import io.resourceplans.api.v1.ListAlertSettingsRequest;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.server.testing.AlertFixtures;
import io.resourceplans.server.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The crossing rule on its own: these tests set a package's remaining quantity with SQL (to put it
 * exactly at, above or below a threshold) and then run AlertService.evaluate in a transaction, as
 * the usage path does in its own; re-arming goes through a real purchase (PayOrder evaluates).
 * Crossings caused by RecordUsage itself are tested in UsageTest and CoveredUsageTest.
 */
@Tag("citus")
class AlertCrossingTest {
  private static final Purpose VERIFICATION = Purpose.PURPOSE_VERIFICATION_NOTIFICATION;
  @RegisterExtension
  static final TestServer server = TestServer.forClass();

  private static AlertSetting setting(String key, Purpose purpose) {
    return server.plan(key)
        .listAlertSettings(ListAlertSettingsRequest.newBuilder().setProductId(PRODUCT).build())
        .getAlertSettingsList()
        .stream()
        .filter(s -> s.getPurpose() == purpose)
        .findFirst()
        .orElseThrow();
  }

  private static long alerts(String accountId) {
    return outbox(server, accountId, "QUOTA_ALERT").stream().filter(r -> r.get("channel").equals("INTERNAL_MESSAGE")).count();
  }

  @Test
  void crossesOnceThenReArmsAfterAPurchase() {
    var buyer = AlertFixtures.buyer(server, "Crossing Shop", "");
    String key = buyer.getApiKeySecret();
    String accountId = buyer.getAccount().getAccountId();
    var first = AlertFixtures.buy(server, key, 1000, VERIFICATION);
    assertEquals(AlertState.ALERT_STATE_ARMED, AlertFixtures.setThreshold(server, key, VERIFICATION, 500).getState());

    setRemaining(server, accountId, first.getPackageId(), 600);
    evaluate(server, accountId, VERIFICATION);
    setRemaining(server, accountId, first.getPackageId(), 500);
    evaluate(server, accountId, VERIFICATION);
    assertEquals(AlertState.ALERT_STATE_ARMED, setting(key, VERIFICATION).getState());
    assertEquals(0, alerts(accountId));

    // 500 → 499: below the threshold, one alert.
    server.clock.advance(Duration.ofMinutes(1));
    setRemaining(server, accountId, first.getPackageId(), 499);
    evaluate(server, accountId, VERIFICATION);
    var triggered = setting(key, VERIFICATION);
    assertEquals(AlertState.ALERT_STATE_TRIGGERED, triggered.getState());
    assertEquals(499, triggered.getRemainingQuantity());
    assertEquals(1, alerts(accountId));
    // The internal message and email of that one alert.
    assertEquals(2, outbox(server, accountId, "QUOTA_ALERT").size());

    // Further deductions below the threshold: no more alerts.
    setRemaining(server, accountId, first.getPackageId(), 100);
    evaluate(server, accountId, VERIFICATION);
    evaluate(server, accountId, VERIFICATION);
    assertEquals(1, alerts(accountId));

    // Quota of another purpose does not count: still TRIGGERED.
    AlertFixtures.buy(server, key, 1000, Purpose.PURPOSE_MARKETING);
    assertEquals(AlertState.ALERT_STATE_TRIGGERED, setting(key, VERIFICATION).getState());

    // A purchase of this purpose lifts it to 1,100: re-armed, silently.
    var second = AlertFixtures.buy(server, key, 1000, VERIFICATION);
    var rearmed = setting(key, VERIFICATION);
    assertEquals(AlertState.ALERT_STATE_ARMED, rearmed.getState());
    assertEquals(1100, rearmed.getRemainingQuantity());
    assertEquals(triggered.getLastAlertTime(), rearmed.getLastAlertTime());
    assertEquals(1, alerts(accountId));

    // And the next crossing alerts again, once.
    server.clock.advance(Duration.ofMinutes(1));
    setRemaining(server, accountId, second.getPackageId(), 0);
    evaluate(server, accountId, VERIFICATION);
    evaluate(server, accountId, VERIFICATION);
    var again = setting(key, VERIFICATION);
    assertEquals(AlertState.ALERT_STATE_TRIGGERED, again.getState());
    assertEquals(2, alerts(accountId));
    assertEquals(server.clock.instant().getEpochSecond(), again.getLastAlertTime().getSeconds());
    assertEquals(2, AlertFixtures.unread(server, key));
  }

  @Test
  void withoutAThresholdNothingIsQueued() {
    var buyer = AlertFixtures.buyer(server, "Quiet Shop", "");
    String accountId = buyer.getAccount().getAccountId();
    var pkg = AlertFixtures.buy(server, buyer.getApiKeySecret(), 100, VERIFICATION);
    setRemaining(server, accountId, pkg.getPackageId(), 0);
    evaluate(server, accountId, VERIFICATION);
    assertEquals(0, outbox(server, accountId, "QUOTA_ALERT").size());
  }

  @Test
  void concurrentCrossingsQueueOneAlert() throws Exception {
    var buyer = AlertFixtures.buyer(server, "Busy Shop", "");
    String key = buyer.getApiKeySecret();
    String accountId = buyer.getAccount().getAccountId();
    var pkg = AlertFixtures.buy(server, key, 1000, VERIFICATION);
    AlertFixtures.setThreshold(server, key, VERIFICATION, 500);
    setRemaining(server, accountId, pkg.getPackageId(), 10);

    int threads = 16;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        done.add(pool.submit(() -> {
          start.await();
          evaluate(server, accountId, VERIFICATION);
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, alerts(accountId));
    assertEquals(AlertState.ALERT_STATE_TRIGGERED, setting(key, VERIFICATION).getState());
  }
}
