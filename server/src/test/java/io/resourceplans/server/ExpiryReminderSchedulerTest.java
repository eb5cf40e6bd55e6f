package io.resourceplans.server;

import static io.resourceplans.server.testing.AlertFixtures.outbox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.resourceplans.api.v1.Purpose;
import io.resourceplans.domain.notification.ReminderSettings;
import io.resourceplans.server.reminders.ExpiryReminderScheduler;
import io.resourceplans.server.testing.AlertFixtures;
import io.resourceplans.server.testing.TestServer;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The scheduler runs the reminder pass by itself, every period, at the injected clock's time. */
@Tag("citus")
class ExpiryReminderSchedulerTest {
  @RegisterExtension
  static final TestServer server = TestServer.forClass();

  @Test
  void queuesDueRemindersWithoutBeingAsked() throws Exception {
    var buyer = AlertFixtures.buyer(server, "Scheduled Shop", "");
    String accountId = buyer.getAccount().getAccountId();
    AlertFixtures.buy(server, buyer.getApiKeySecret(), 100, Purpose.PURPOSE_MARKETING);
    server.clock.advance(
        Duration.between(server.clock.instant(), server.clock.instant().atZone(ZoneOffset.UTC).plusMonths(12).minusDays(30).toInstant()));

    var scheduler =
        new ExpiryReminderScheduler(
            server.expiryReminders(), server.clock, new ReminderSettings(ReminderSettings.DEFAULT_OFFSETS_DAYS, Duration.ofMillis(50)),
            server.component().notificationMetrics(), server.component().backgroundPassMetrics());
    scheduler.start();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (outbox(server, accountId, "EXPIRY_REMINDER").size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      // Several passes later, still one email and one internal message.
      Thread.sleep(300);
    } finally {
      scheduler.stop();
    }
    assertEquals(2, outbox(server, accountId, "EXPIRY_REMINDER").size());
    // Counted as queued by the scheduler's passes, once each.
    assertEquals(2, server.component().meterRegistry().get("rp.reminders.sent").counter().count());
    // Each pass counted as one that ended well, with the time of the last.
    var registry = server.component().meterRegistry();
    assertTrue(registry.get("rp.background.passes").tags("pass", "expiry-reminders", "result", "ok").counter().count() >= 2);
    assertEquals(0, registry.get("rp.background.passes").tags("pass", "expiry-reminders", "result", "failed").counter().count());
    assertEquals(server.clock.millis() / 1000.0,
        registry.get("rp.background.pass.last.success.timestamp").tags("pass", "expiry-reminders").gauge().value());
  }
}
