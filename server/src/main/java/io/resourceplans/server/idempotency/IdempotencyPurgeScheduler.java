package io.resourceplans.server.idempotency;

import io.resourceplans.domain.idempotency.IdempotencyPurge;
import io.resourceplans.domain.idempotency.IdempotencyPurgeSettings;
import io.resourceplans.server.background.PeriodicTask;
import java.time.Duration;
import io.resourceplans.server.metrics.BackgroundPassMetrics;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the idempotency purge every period. Every replica runs it: their batches skip each other's
 * rows. A failed run is retried next period (the batches it committed stay deleted); a batch
 * interrupted by {@link #stop} rolls back.
 */
@Singleton
public final class IdempotencyPurgeScheduler {
  private static final Logger log = LoggerFactory.getLogger(IdempotencyPurgeScheduler.class);

  private final IdempotencyPurge purge;
  private final IdempotencyPurgeSettings settings;
  private final PeriodicTask task;

  @Inject
  public IdempotencyPurgeScheduler(
      IdempotencyPurge purge, IdempotencyPurgeSettings settings, BackgroundPassMetrics passes) {
    this.purge = purge;
    this.settings = settings;
    this.task = new PeriodicTask("idempotency-purge", settings.period(), Duration.ofSeconds(5), passes, this::runOnce);
  }

  public void start() {
    task.start();
    log.info("idempotency records kept {}, purged every {}", settings.retention(), settings.period());
  }

  public void stop() throws InterruptedException {
    task.stop();
  }

  private void runOnce() {
    long deleted = purge.runOnce();
    if (deleted > 0) {
      log.info("purged {} idempotency records older than {}", deleted, settings.retention());
    }
  }
}
