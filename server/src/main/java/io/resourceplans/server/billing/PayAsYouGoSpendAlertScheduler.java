package io.resourceplans.server.billing;

import io.resourceplans.domain.billing.PayAsYouGoSpendAlerts;
import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.notification.ReminderSettings;
import io.resourceplans.server.background.PeriodicTask;
import java.time.Clock;
import java.time.Duration;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the pay-as-you-go spend alert pass ({@link PayAsYouGoSpendAlerts#runOnce}) every reminder
 * period ({@code --reminder-period-seconds}), in every replica: each account is counted under its
 * alert's row lock, so its entries count once and its event is written once.
 */
@Singleton
public final class PayAsYouGoSpendAlertScheduler {
  private static final Logger log = LoggerFactory.getLogger(PayAsYouGoSpendAlertScheduler.class);

  private final PayAsYouGoSpendAlerts alerts;
  private final Clock clock;
  private final PeriodicTask task;

  @Inject
  public PayAsYouGoSpendAlertScheduler(PayAsYouGoSpendAlerts alerts, Clock clock, ReminderSettings settings) {
    this.alerts = alerts;
    this.clock = clock;
    this.task = new PeriodicTask("payg-spend-alerts", settings.period(), Duration.ofSeconds(5), this::runOnce);
  }

  public void start() {
    task.start();
  }

  public void stop() throws InterruptedException {
    task.stop();
  }

  private void runOnce() {
    int crossed = alerts.runOnce(Times.now(clock));
    if (crossed > 0) {
      log.info("{} pay-as-you-go spend alerts crossed their threshold", crossed);
    }
  }
}
