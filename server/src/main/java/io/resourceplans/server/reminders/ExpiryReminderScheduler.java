package io.resourceplans.server.reminders;

import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.notification.ExpiryReminderService;
import io.resourceplans.domain.notification.ReminderSettings;
import io.resourceplans.server.background.PeriodicTask;
import io.resourceplans.server.metrics.NotificationMetrics;
import java.time.Clock;
import java.time.Duration;
import io.resourceplans.server.metrics.BackgroundPassMetrics;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the expiry-reminder pass every period. Every replica may run it: the outbox's dedupe keys
 * keep each reminder to one. A failed pass is retried next period (what it committed stays; the
 * rest is found again); a pass interrupted by {@link #stop} rolls back its batch. Accounts on a
 * test clock are not its: their reminders go out when the operator advances their clock
 * (AdvanceTestClock), at the clock's time.
 */
@Singleton
public final class ExpiryReminderScheduler {
  private static final Logger log = LoggerFactory.getLogger(ExpiryReminderScheduler.class);

  private final ExpiryReminderService reminders;
  private final Clock clock;
  private final ReminderSettings settings;
  private final PeriodicTask task;
  private final NotificationMetrics metrics;

  @Inject
  public ExpiryReminderScheduler(
      ExpiryReminderService reminders, Clock clock, ReminderSettings settings, NotificationMetrics metrics,
      BackgroundPassMetrics passes) {
    this.metrics = metrics;
    this.reminders = reminders;
    this.clock = clock;
    this.settings = settings;
    this.task = new PeriodicTask("expiry-reminders", settings.period(), Duration.ofSeconds(5), passes, this::runOnce);
  }

  public void start() {
    task.start();
    log.info("expiry reminders every {} at {} days before expiry", settings.period(), settings.offsetsDays());
  }

  public void stop() throws InterruptedException {
    task.stop();
  }

  private void runOnce() {
    int written = reminders.runOnce(Times.now(clock));
    metrics.remindersQueued(written);
    if (written > 0) {
      log.info("queued {} expiry reminder notifications", written);
    }
  }
}
