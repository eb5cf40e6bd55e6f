package io.resourceplans.server.notify;

import io.resourceplans.domain.notification.Channel;
import io.resourceplans.domain.notification.NotificationDispatcher;
import io.resourceplans.server.background.PeriodicTask;
import java.time.Duration;
import io.resourceplans.server.metrics.BackgroundPassMetrics;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the notification dispatcher every period on one background thread. Every replica may run
 * it: claims skip each other's rows. At start it says once which channels are not configured
 * (their notifications end SKIPPED). A failed pass is logged and the next period tries again.
 */
@Singleton
public final class NotificationDispatchScheduler {
  private static final Logger log = LoggerFactory.getLogger(NotificationDispatchScheduler.class);

  private final NotificationDispatcher dispatcher;
  private final DeliverySettings settings;
  private final PeriodicTask task;

  @Inject
  public NotificationDispatchScheduler(
      NotificationDispatcher dispatcher, DeliverySettings settings, BackgroundPassMetrics passes) {
    this.dispatcher = dispatcher;
    this.settings = settings;
    // A pass cut short by stop() leaves its claimed rows PENDING under a lease; they are claimed
    // again when the lease runs out.
    this.task = new PeriodicTask(
        "notification-dispatcher", settings.dispatch().period(), Duration.ofSeconds(10), passes, this::runOnce);
  }

  public void start() {
    if (!dispatcher.configured(Channel.EMAIL)) {
      log.info("email channel not configured (no --smtp-host): email notifications are recorded SKIPPED");
    }
    if (!dispatcher.configured(Channel.SMS)) {
      log.info("SMS channel not configured (no --sms-gateway-url): SMS notifications are recorded SKIPPED");
    }
    task.start();
    log.info("notification dispatcher every {}, up to {} attempts", settings.dispatch().period(), settings.dispatch().maxAttempts());
  }

  public void stop() throws InterruptedException {
    task.stop();
  }

  private void runOnce() {
    NotificationDispatcher.Pass pass = dispatcher.runOnce();
    if (pass.total() > 0) {
      log.info("notifications: {} delivered, {} skipped, {} to retry, {} failed",
          pass.delivered(), pass.skipped(), pass.retried(), pass.failed());
    }
  }
}
