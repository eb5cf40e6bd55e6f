package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertInvalid;
import static io.resourceplans.server.testing.Errors.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.resourceplans.api.v1.ClearPayAsYouGoSpendAlertRequest;
import io.resourceplans.api.v1.GetPayAsYouGoSpendAlertRequest;
import io.resourceplans.api.v1.PayAsYouGoSpendAlert;
import io.resourceplans.api.v1.PayAsYouGoSpendAlertState;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.ReleaseUsageRequest;
import io.resourceplans.api.v1.ReserveUsageRequest;
import io.resourceplans.api.v1.SetPayAsYouGoSpendAlertRequest;
import io.resourceplans.server.testing.Buyers;
import io.resourceplans.server.testing.Moneys;
import io.resourceplans.server.testing.TestServer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pay-as-you-go spend alert (docs/webhooks.md, payg.spend_threshold_crossed): the pass counts
 * the month's spend from the ledger (usage charges, holds' money less what they gave back), writes
 * one event when it reaches the threshold, and re-arms when a month begins; two replicas' passes
 * at once count each entry once and write the event once.
 */
@Tag("citus")
class PayAsYouGoSpendAlertTest {
  private static final String PRODUCT = "sms-domestic";
  private static final String REGION = "ap-southeast-1";

  @RegisterExtension
  static final TestServer server = TestServer.forClass();

  private record Sender(String accountId, String key) {}

  /** Pay-as-you-go active, no package: every message is charged to the wallet. */
  private static Sender sender(String name) {
    var a = Buyers.verifiedAccount(server, name);
    Buyers.fund(server, a, "1000.00", null);
    Buyers.activatePayAsYouGo(server, a.getApiKeySecret(), PRODUCT, REGION);
    return new Sender(a.getAccount().getAccountId(), a.getApiKeySecret());
  }

  /** Records {@code n} one-message usages; returns what they charged. */
  private static BigDecimal send(Sender s, int n) {
    BigDecimal charged = BigDecimal.ZERO;
    for (int i = 0; i < n; i++) {
      charged = charged.add(Moneys.amount(server.plan(s.key()).recordUsage(RecordUsageRequest.newBuilder()
              .setRequestId(TestServer.requestId()).setProductId(PRODUCT).setPurpose(Purpose.PURPOSE_MARKETING)
              .setRegionId(REGION).setQuantity(1).build())
          .getUsageRecord().getPayAsYouGoCharge()));
    }
    return charged;
  }

  private static PayAsYouGoSpendAlert alert(Sender s) {
    return server.plan(s.key()).getPayAsYouGoSpendAlert(GetPayAsYouGoSpendAlertRequest.getDefaultInstance()).getAlert();
  }

  private static PayAsYouGoSpendAlert set(Sender s, String threshold) {
    return server.plan(s.key()).setPayAsYouGoSpendAlert(SetPayAsYouGoSpendAlertRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setThreshold(Moneys.cny(threshold)).build()).getAlert();
  }

  /** The pass, a minute and a bit after the last entries (the pass leaves the last minute to the next). */
  private static int passLater() {
    server.clock.advance(Duration.ofSeconds(61));
    return server.component().spendAlerts().runOnce(server.clock.instant());
  }

  private static List<Map<String, Object>> events(Sender s) {
    return server.jdbi().withHandle(h -> h.createQuery("""
            select payload from account_events
             where account_id = :a and kind = 'PAYG_SPEND_THRESHOLD_CROSSED' order by sequence
            """).bind("a", s.accountId()).mapToMap().list());
  }

  private static BigDecimal cents(com.google.type.Money m) {
    return Moneys.amount(m).setScale(2, RoundingMode.UNNECESSARY);
  }

  @Test
  void theMonthsSpendCrossingTheThresholdWritesOneEventAndANewMonthReArmsIt() {
    Sender s = sender("Spend Alert Shop");
    assertEquals(PayAsYouGoSpendAlertState.PAY_AS_YOU_GO_SPEND_ALERT_STATE_NOT_SET, alert(s).getState());
    BigDecimal before = send(s, 4);
    PayAsYouGoSpendAlert set = set(s, "1.00");
    assertEquals(PayAsYouGoSpendAlertState.PAY_AS_YOU_GO_SPEND_ALERT_STATE_ARMED, set.getState());
    assertEquals("2026-11", set.getMonth());
    // Set counts the month up to a minute ago: the four charges of this minute come with the next pass.
    assertEquals(0, cents(set.getMonthSpend()).signum());

    BigDecimal charged = before.add(send(s, 6));
    assertEquals(0, passLater());
    PayAsYouGoSpendAlert counted = alert(s);
    assertEquals(charged.setScale(2), cents(counted.getMonthSpend()));
    assertEquals(PayAsYouGoSpendAlertState.PAY_AS_YOU_GO_SPEND_ALERT_STATE_ARMED, counted.getState());

    // Up to the threshold: one event, TRIGGERED.
    BigDecimal threshold = new BigDecimal("1.00");
    while (charged.compareTo(threshold) < 0) {
      charged = charged.add(send(s, 1));
    }
    assertEquals(1, passLater());
    PayAsYouGoSpendAlert triggered = alert(s);
    assertEquals(PayAsYouGoSpendAlertState.PAY_AS_YOU_GO_SPEND_ALERT_STATE_TRIGGERED, triggered.getState());
    assertEquals(charged.setScale(2), cents(triggered.getMonthSpend()));
    assertTrue(triggered.hasTriggerTime());
    List<Map<String, Object>> events = events(s);
    assertEquals(1, events.size());
    String payload = (String) events.get(0).get("payload");
    assertTrue(payload.contains("\"kind\":\"payg.spend_threshold_crossed\""), payload);
    assertTrue(payload.contains("\"month\":\"2026-11\""), payload);
    assertTrue(payload.contains("\"threshold\":{\"amount\":\"1.00\",\"currency\":\"CNY\"}"), payload);

    // More spend this month: no more events.
    charged = charged.add(send(s, 3));
    assertEquals(0, passLater());
    assertEquals(charged.setScale(2), cents(alert(s).getMonthSpend()));
    assertEquals(1, events(s).size());

    // A new month re-arms it from nothing; crossing again is the new month's one event.
    server.clock.advance(Duration.between(server.clock.instant(), Instant.parse("2026-12-01T00:00:00Z")));
    assertEquals(0, passLater());
    PayAsYouGoSpendAlert december = alert(s);
    assertEquals("2026-12", december.getMonth());
    assertEquals(PayAsYouGoSpendAlertState.PAY_AS_YOU_GO_SPEND_ALERT_STATE_ARMED, december.getState());
    assertEquals(0, cents(december.getMonthSpend()).signum());
    BigDecimal decemberSpend = BigDecimal.ZERO;
    while (decemberSpend.compareTo(threshold) < 0) {
      decemberSpend = decemberSpend.add(send(s, 5));
    }
    assertEquals(1, passLater());
    assertEquals(2, events(s).size());
    assertTrue(((String) events(s).get(1).get("payload")).contains("\"month\":\"2026-12\""));

    // Cleared: NOT_SET, and the pass leaves the account alone.
    var cleared = server.plan(s.key()).clearPayAsYouGoSpendAlert(ClearPayAsYouGoSpendAlertRequest.newBuilder()
        .setRequestId(TestServer.requestId()).build()).getAlert();
    assertEquals(PayAsYouGoSpendAlertState.PAY_AS_YOU_GO_SPEND_ALERT_STATE_NOT_SET, cleared.getState());
    send(s, 30);
    assertEquals(0, passLater());
    assertEquals(2, events(s).size());
  }

  @Test
  void aHoldsMoneyCountsAsSpentAndWhatItGivesBackIsTakenOff() {
    Sender s = sender("Spend Hold Shop");
    set(s, "100.00");
    var hold = server.plan(s.key()).reserveUsage(ReserveUsageRequest.newBuilder().setRequestId(TestServer.requestId())
        .setProductId(PRODUCT).setPurpose(Purpose.PURPOSE_MARKETING).setRegionId(REGION).setQuantity(100)
        .setTtlSeconds(600).build()).getHold();
    BigDecimal held = cents(hold.getPayAsYouGoAmount());
    assertTrue(held.signum() > 0);
    passLater();
    assertEquals(held, cents(alert(s).getMonthSpend()));
    server.plan(s.key()).captureUsage(io.resourceplans.api.v1.CaptureUsageRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setHoldId(hold.getHoldId()).setQuantity(40).build());
    var released = server.plan(s.key()).releaseUsage(ReleaseUsageRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setHoldId(hold.getHoldId()).build()).getHold();
    passLater();
    // What the hold cost in the end: its captures' charges.
    assertEquals(held.subtract(cents(released.getPayAsYouGoReleasedAmount())), cents(alert(s).getMonthSpend()));
  }

  @Test
  void twoReplicasPassesAtOnceCountEachChargeOnceAndWriteTheEventOnce() throws Exception {
    Sender s = sender("Spend Replica Shop");
    set(s, "0.50");
    BigDecimal charged = BigDecimal.ZERO;
    while (charged.compareTo(new BigDecimal("0.50")) < 0) {
      charged = charged.add(send(s, 1));
    }
    server.clock.advance(Duration.ofSeconds(61));
    int written = 0;
    try (TestServer replica = server.replica()) {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> passes = new ArrayList<>();
      for (TestServer r : List.of(server, replica)) {
        passes.add(pool.submit(() -> {
          start.await();
          int n = 0;
          for (int i = 0; i < 3; i++) {
            n += r.component().spendAlerts().runOnce(server.clock.instant());
          }
          return n;
        }));
      }
      start.countDown();
      for (Future<Integer> f : passes) {
        written += f.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
    }
    assertEquals(1, events(s).size());
    assertTrue(written >= 1, "the passes wrote " + written + " events (others' accounts may cross too)");
    assertEquals(charged.setScale(2), cents(alert(s).getMonthSpend()));
  }

  @Test
  void aThresholdMustBePositiveWholeCentsInTheSettlementCurrency() {
    Sender s = sender("Spend Input Shop");
    assertInvalid(() -> set(s, "0"), "threshold");
    assertInvalid(() -> set(s, "1.005"), "threshold");
    assertRefused(Status.Code.FAILED_PRECONDITION, "CURRENCY_MISMATCH",
        () -> server.plan(s.key()).setPayAsYouGoSpendAlert(SetPayAsYouGoSpendAlertRequest.newBuilder()
            .setRequestId(TestServer.requestId()).setThreshold(Moneys.of("5.00", "USD")).build()));
    assertEquals(PayAsYouGoSpendAlertState.PAY_AS_YOU_GO_SPEND_ALERT_STATE_NOT_SET, alert(s).getState());
  }
}
