package io.resourceplans.server.events;

import io.resourceplans.domain.event.AccountEventRetention;
import io.resourceplans.server.background.PeriodicTask;
import java.time.Duration;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes account events older than the retention every purge period. Every replica runs it: their
 * batches skip each other's rows. A failed run is retried next period.
 */
@Singleton
public final class EventRetentionScheduler {
  private static final Logger log = LoggerFactory.getLogger(EventRetentionScheduler.class);

  private final AccountEventRetention retention;
  private final PeriodicTask task;

  @Inject
  public EventRetentionScheduler(AccountEventRetention retention) {
    this.retention = retention;
    this.task =
        new PeriodicTask("event-retention", retention.settings().purgePeriod(), Duration.ofSeconds(5), this::runOnce);
  }

  public void start() {
    task.start();
    log.info("account events kept {}, deleted every {}", retention.settings().retention(), retention.settings().purgePeriod());
  }

  public void stop() throws InterruptedException {
    task.stop();
  }

  private void runOnce() {
    long deleted = retention.runOnce();
    if (deleted > 0) {
      log.info("deleted {} account events older than {}", deleted, retention.settings().retention());
    }
  }
}
