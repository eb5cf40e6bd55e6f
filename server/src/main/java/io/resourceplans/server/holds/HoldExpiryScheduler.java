package io.resourceplans.server.holds;

import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.hold.HoldService;
import io.resourceplans.domain.notification.ReminderSettings;
import io.resourceplans.server.background.PeriodicTask;
import java.time.Clock;
import java.time.Duration;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the hold expiry pass ({@link HoldService#expireDue}) every reminder period
 * ({@code --reminder-period-seconds}, the period of the package expiry pass too), in every
 * replica: each hold is decided under its row lock, so it expires once. A failed pass is logged
 * and the next period finds the rest.
 */
@Singleton
public final class HoldExpiryScheduler {
  private static final Logger log = LoggerFactory.getLogger(HoldExpiryScheduler.class);

  private final HoldService holds;
  private final Clock clock;
  private final PeriodicTask task;

  @Inject
  public HoldExpiryScheduler(HoldService holds, Clock clock, ReminderSettings settings) {
    this.holds = holds;
    this.clock = clock;
    this.task = new PeriodicTask("hold-expiry", settings.period(), Duration.ofSeconds(5), this::runOnce);
  }

  public void start() {
    task.start();
  }

  public void stop() throws InterruptedException {
    task.stop();
  }

  private void runOnce() {
    int expired = holds.expireDue(Times.now(clock));
    if (expired > 0) {
      log.info("released {} expired quota holds", expired);
    }
  }
}
