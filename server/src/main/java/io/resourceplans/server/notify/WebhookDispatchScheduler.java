package io.resourceplans.server.notify;

import io.resourceplans.domain.webhook.WebhookDispatcher;
import io.resourceplans.server.background.PeriodicTask;
import java.time.Duration;
import io.resourceplans.server.metrics.BackgroundPassMetrics;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the webhook dispatcher every period on one background thread, in every replica (claims skip
 * each other's rows). A failed pass is logged and the next period tries again.
 */
@Singleton
public final class WebhookDispatchScheduler {
  private static final Logger log = LoggerFactory.getLogger(WebhookDispatchScheduler.class);

  private final WebhookDispatcher dispatcher;
  private final PeriodicTask task;

  @Inject
  public WebhookDispatchScheduler(WebhookDispatcher dispatcher, BackgroundPassMetrics passes) {
    this.dispatcher = dispatcher;
    // A pass cut short by stop() leaves its claimed rows PENDING under a lease; they are claimed
    // again when the lease runs out.
    this.task =
        new PeriodicTask(
            "webhook-dispatcher", dispatcher.settings().period(), Duration.ofSeconds(10), passes, this::runOnce);
  }

  public void start() {
    if (dispatcher.settings().allowPrivateUrls()) {
      log.warn("webhooks may call plain http and loopback or private addresses (--webhook-allow-private-urls): for tests only");
    }
    task.start();
    log.info("webhook dispatcher every {}, retrying for {}", dispatcher.settings().period(), dispatcher.settings().retryFor());
  }

  public void stop() throws InterruptedException {
    task.stop();
  }

  private void runOnce() {
    WebhookDispatcher.Pass pass = dispatcher.runOnce();
    if (pass.total() > 0) {
      log.info("webhooks: {} delivered, {} to retry, {} failed", pass.delivered(), pass.retried(), pass.failed());
    }
  }
}
