package io.resourceplans.server.reminders;

import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.notification.ExpiryReminderService;
import io.resourceplans.domain.notification.ReminderSettings;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the expiry-reminder pass every period on one background thread. Every replica may run it:
 * the outbox's dedupe keys keep each reminder to one. A failed pass is logged and retried next
 * period (what it committed stays; the rest is found again).
 */
@Singleton
public final class ExpiryReminderScheduler {
  private static final Logger log = LoggerFactory.getLogger(ExpiryReminderScheduler.class);

  private final ExpiryReminderService reminders;
  private final Clock clock;
  private final ReminderSettings settings;
  private ScheduledExecutorService executor;

  @Inject
  public ExpiryReminderScheduler(ExpiryReminderService reminders, Clock clock, ReminderSettings settings) {
    this.reminders = reminders;
    this.clock = clock;
    this.settings = settings;
  }

  public synchronized void start() {
    if (executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "expiry-reminders");
              t.setDaemon(true);
              return t;
            });
    long periodMillis = settings.period().toMillis();
    executor.scheduleWithFixedDelay(this::runSafely, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    log.info("expiry reminders every {} at {} days before expiry", settings.period(), settings.offsetsDays());
  }

  /** Stops scheduling and waits briefly for a running pass; an interrupted pass rolls back its batch. */
  public synchronized void stop() throws InterruptedException {
    if (executor == null) {
      return;
    }
    executor.shutdown();
    if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
      executor.shutdownNow();
      executor.awaitTermination(5, TimeUnit.SECONDS);
    }
    executor = null;
  }

  private void runSafely() {
    try {
      int written = reminders.runOnce(Times.now(clock));
      if (written > 0) {
        log.info("queued {} expiry reminder notifications", written);
      }
    } catch (RuntimeException e) {
      // A thrown exception would cancel the schedule; log it and try again next period.
      log.warn("expiry reminder pass failed; retrying next period", e);
    }
  }
}
