package io.resourceplans.server;

import static io.resourceplans.server.testing.AlertFixtures.outbox;
import static io.resourceplans.server.testing.AlertFixtures.setRemaining;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.resourceplans.api.v1.InternalMessageKind;
import io.resourceplans.api.v1.ListMessagesRequest;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.domain.notification.ExpiryReminderService;
import io.resourceplans.domain.notification.Notifier;
import io.resourceplans.domain.notification.ReminderSettings;
import io.resourceplans.server.testing.AlertFixtures;
import io.resourceplans.server.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Expiry reminders at 30, 7 and 1 days before expiry, driven by moving the injected clock and
 * running the scheduler's pass (ExpiryReminderService.runOnce) by hand.
 */
class ExpiryReminderTest {
  @RegisterExtension
  static final TestServer server = TestServer.forClass();

  private static int run() {
    return server.expiryReminders().runOnce(server.clock.instant());
  }

  /** Runs the pass from several threads at once (like several replicas); returns the rows they wrote. */
  private static int runConcurrently(int threads) throws Exception {
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return run();
        }));
      }
      int total = 0;
      for (Future<Integer> f : results) {
        total += f.get();
      }
      return total;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void moveTo(Instant t) {
    server.clock.advance(Duration.between(server.clock.instant(), t));
  }

  private static void setExpiry(String accountId, String packageId, Instant expireTime) {
    server.jdbi().useHandle(h ->
        h.createUpdate("""
                update packages set expire_time = :e where account_id = :a and package_id = :p;
                select rp_rebuild_package_totals(:a);
                """)
            .bind("e", expireTime).bind("a", accountId).bind("p", packageId).execute());
  }

  private static List<String> keys(String accountId) {
    return outbox(server, accountId, "EXPIRY_REMINDER").stream().map(r -> (String) r.get("dedupe_key")).sorted().toList();
  }

  private static List<String> expected(String packageId, List<Integer> offsets, List<String> channels) {
    TreeSet<String> out = new TreeSet<>();
    for (int d : offsets) {
      for (String c : channels) {
        out.add("reminder:" + packageId + ":" + d + "d:" + c);
      }
    }
    return List.copyOf(out);
  }

  @Test
  void oncePerPackageOffsetAndChannelAsTheClockMoves() throws Exception {
    Instant bought = server.clock.instant();
    Instant expiry = bought.atZone(ZoneOffset.UTC).plusMonths(12).toInstant();
    List<String> all = List.of("EMAIL", "SMS", "INTERNAL_MESSAGE");
    List<String> noSms = List.of("EMAIL", "INTERNAL_MESSAGE");

    var phone = AlertFixtures.buyer(server, "Phone Owner", "+8613900139000");
    String phoneId = phone.getAccount().getAccountId();
    var kept = AlertFixtures.buy(server, phone.getApiKeySecret(), 1000, Purpose.PURPOSE_VERIFICATION_NOTIFICATION);
    var exhausted = AlertFixtures.buy(server, phone.getApiKeySecret(), 100, Purpose.PURPOSE_VERIFICATION_NOTIFICATION);
    setRemaining(server, phoneId, exhausted.getPackageId(), 0);
    // Valid 10 days only: its 30-day moment had passed when it was bought, so only 7 and 1 fire.
    var shortLived = AlertFixtures.buy(server, phone.getApiKeySecret(), 100, Purpose.PURPOSE_MARKETING);
    setExpiry(phoneId, shortLived.getPackageId(), bought.plus(Duration.ofDays(10)));
    // Valid 2 days, and nobody runs the pass during its last day: once expired, never reminded.
    var lapsed = AlertFixtures.buy(server, phone.getApiKeySecret(), 100, Purpose.PURPOSE_MARKETING);
    setExpiry(phoneId, lapsed.getPackageId(), bought.plus(Duration.ofDays(2)));

    var noPhone = AlertFixtures.buyer(server, "Mail Only", "");
    String noPhoneId = noPhone.getAccount().getAccountId();
    var steady = AlertFixtures.buy(server, noPhone.getApiKeySecret(), 1000, Purpose.PURPOSE_MARKETING);
    var usedUpLater = AlertFixtures.buy(server, noPhone.getApiKeySecret(), 1000, Purpose.PURPOSE_MARKETING);

    assertEquals(0, run());
    moveTo(bought.plus(Duration.ofDays(2)));
    assertEquals(0, run());
    moveTo(bought.plus(Duration.ofDays(3)));
    assertEquals(3, run());
    assertEquals(0, run());
    moveTo(bought.plus(Duration.ofDays(9)).plusSeconds(3600));
    assertEquals(3, run());
    moveTo(bought.plus(Duration.ofDays(10)));
    assertEquals(0, run());
    assertEquals(expected(shortLived.getPackageId(), List.of(7, 1), all), keys(phoneId));

    // 30 days before: the two 12-month packages with quota of each account, from 4 "replicas" at once.
    moveTo(expiry.minus(Duration.ofDays(30)));
    assertEquals(3 + 2 + 2, runConcurrently(4));
    assertEquals(0, runConcurrently(4));
    setRemaining(server, noPhoneId, usedUpLater.getPackageId(), 0);

    // One package per transaction: the scan pages across accounts.
    moveTo(expiry.minus(Duration.ofDays(7)).plusSeconds(3600));
    var onePerBatch =
        new ExpiryReminderService(server.component().transactor(), new Notifier(), ReminderSettings.defaults(), 1);
    assertEquals(3 + 2, onePerBatch.runOnce(server.clock.instant()));
    assertEquals(0, run());
    moveTo(expiry.minus(Duration.ofDays(1)));
    assertEquals(3 + 2, runConcurrently(2));
    moveTo(expiry);
    assertEquals(0, run());
    moveTo(expiry.plus(Duration.ofDays(40)));
    assertEquals(0, run());

    List<String> phoneExpected = new ArrayList<>(expected(shortLived.getPackageId(), List.of(7, 1), all));
    phoneExpected.addAll(expected(kept.getPackageId(), List.of(30, 7, 1), all));
    assertEquals(phoneExpected.stream().sorted().toList(), keys(phoneId));
    List<String> noPhoneExpected = new ArrayList<>(expected(steady.getPackageId(), List.of(30, 7, 1), noSms));
    noPhoneExpected.addAll(expected(usedUpLater.getPackageId(), List.of(30), noSms));
    assertEquals(noPhoneExpected.stream().sorted().toList(), keys(noPhoneId));

    // Recipients and content.
    for (Map<String, Object> row : outbox(server, phoneId, "EXPIRY_REMINDER")) {
      switch ((String) row.get("channel")) {
        case "EMAIL" -> assertEquals("phone.owner@example.com", row.get("recipient"));
        case "SMS" -> assertEquals("+8613900139000", row.get("recipient"));
        default -> assertEquals("", row.get("recipient"));
      }
      assertEquals("PENDING", row.get("status"));
    }
    var listed = server.plan(noPhone.getApiKeySecret()).listMessages(ListMessagesRequest.getDefaultInstance());
    // The purchases left one ORDER_PAID message each besides the reminders.
    var reminders = listed.getMessagesList().stream()
        .filter(m -> m.getKind() == InternalMessageKind.INTERNAL_MESSAGE_KIND_EXPIRY_REMINDER).toList();
    long paid = listed.getMessagesList().stream()
        .filter(m -> m.getKind() == InternalMessageKind.INTERNAL_MESSAGE_KIND_ORDER_PAID).count();
    assertEquals(4, reminders.size());
    assertEquals(listed.getMessagesCount(), reminders.size() + paid);
    assertEquals(4 + paid, listed.getUnreadCount());
    var lastDay = reminders.get(0);
    assertEquals(InternalMessageKind.INTERNAL_MESSAGE_KIND_EXPIRY_REMINDER, lastDay.getKind());
    assertEquals(steady.getPackageId(), lastDay.getPackageId());
    assertEquals("sms-domestic", lastDay.getProductId());
    String body = lastDay.getBody();
    assertTrue(body.contains(steady.getPackageId()) && body.contains("sms-domestic") && body.contains("1000")
        && body.contains(expiry.toString().substring(0, 10)) && body.contains("in 1 day"), body);
    var sevenDays = reminders.stream().filter(m -> m.getTitle().contains("7 days")).count();
    assertEquals(1, sevenDays);
  }
}
