package io.resourceplans.server.notify;

import io.resourceplans.domain.notification.Channel;
import io.resourceplans.domain.notification.NotificationDispatcher;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
  private ScheduledExecutorService executor;

  @Inject
  public NotificationDispatchScheduler(NotificationDispatcher dispatcher, DeliverySettings settings) {
    this.dispatcher = dispatcher;
    this.settings = settings;
  }

  public synchronized void start() {
    if (executor != null) {
      return;
    }
    if (!dispatcher.configured(Channel.EMAIL)) {
      log.info("email channel not configured (no --smtp-host): email notifications are recorded SKIPPED");
    }
    if (!dispatcher.configured(Channel.SMS)) {
      log.info("SMS channel not configured (no --sms-gateway-url): SMS notifications are recorded SKIPPED");
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "notification-dispatcher");
              t.setDaemon(true);
              return t;
            });
    long periodMillis = settings.dispatch().period().toMillis();
    executor.scheduleWithFixedDelay(this::runSafely, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    log.info("notification dispatcher every {}, up to {} attempts", settings.dispatch().period(), settings.dispatch().maxAttempts());
  }

  /**
   * Stops scheduling and waits briefly for a running pass. A pass cut short leaves its claimed rows
   * PENDING under a lease; they are claimed again when the lease runs out.
   */
  public synchronized void stop() throws InterruptedException {
    if (executor == null) {
      return;
    }
    executor.shutdown();
    if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
      executor.shutdownNow();
      executor.awaitTermination(5, TimeUnit.SECONDS);
    }
    executor = null;
  }

  private void runSafely() {
    try {
      NotificationDispatcher.Pass pass = dispatcher.runOnce();
      if (pass.total() > 0) {
        log.info("notifications: {} delivered, {} skipped, {} to retry, {} failed",
            pass.delivered(), pass.skipped(), pass.retried(), pass.failed());
      }
    } catch (RuntimeException e) {
      log.warn("notification dispatch pass failed; retrying next period", e);
    }
  }
}
