package io.resourceplans.server.background;

import io.resourceplans.domain.billing.PayAsYouGoSpendAlerts;
import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.event.AccountEventRetention;
import io.resourceplans.domain.hold.HoldService;
import io.resourceplans.domain.notification.ReminderSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import io.resourceplans.server.metrics.BackgroundPassMetrics;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's small background passes, each a {@link PeriodicTask} in every replica, each safe to
 * run on several at once (every item is decided under its own row lock or claimed by one batch):
 * <ul>
 *   <li>hold expiry ({@link HoldService#expireDue}), every {@code --reminder-period-seconds};
 *   <li>pay-as-you-go spend alerts ({@link PayAsYouGoSpendAlerts#runOnce}), the same period;
 *   <li>account event retention ({@link AccountEventRetention#runOnce}), every purge period.
 * </ul>
 * Each logs what it did when it did something; a failed pass is logged and tried again next period.
 */
@Singleton
public final class BackgroundPasses {
  private static final Logger log = LoggerFactory.getLogger(BackgroundPasses.class);
  private static final Duration STOP_WAIT = Duration.ofSeconds(5);

  private final AccountEventRetention retention;
  private final List<PeriodicTask> tasks;

  @Inject
  public BackgroundPasses(
      HoldService holds, PayAsYouGoSpendAlerts spendAlerts, AccountEventRetention retention, Clock clock,
      ReminderSettings reminders, BackgroundPassMetrics passes) {
    this.retention = retention;
    this.tasks = List.of(
        new PeriodicTask("hold-expiry", reminders.period(), STOP_WAIT, passes, () -> {
          int expired = holds.expireDue(Times.now(clock));
          if (expired > 0) {
            log.info("released {} expired quota holds", expired);
          }
        }),
        new PeriodicTask("payg-spend-alerts", reminders.period(), STOP_WAIT, passes, () -> {
          int crossed = spendAlerts.runOnce(Times.now(clock));
          if (crossed > 0) {
            log.info("{} pay-as-you-go spend alerts crossed their threshold", crossed);
          }
        }),
        new PeriodicTask("event-retention", retention.settings().purgePeriod(), STOP_WAIT, passes, () -> {
          long deleted = retention.runOnce();
          if (deleted > 0) {
            log.info("deleted {} account events older than {}", deleted, retention.settings().retention());
          }
        }));
  }

  public void start() {
    tasks.forEach(PeriodicTask::start);
    log.info("account events kept {}, deleted every {}", retention.settings().retention(), retention.settings().purgePeriod());
  }

  public void stop() throws InterruptedException {
    for (PeriodicTask task : tasks) {
      task.stop();
    }
  }
}
