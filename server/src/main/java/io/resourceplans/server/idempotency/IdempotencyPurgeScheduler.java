package io.resourceplans.server.idempotency;

import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.idempotency.IdempotencyPurge;
import io.resourceplans.domain.idempotency.IdempotencyPurgeSettings;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the idempotency purge every period on one background thread. Every replica runs it: their
 * batches skip each other's rows. A failed run is logged and retried next period (the batches it
 * committed stay deleted).
 */
@Singleton
public final class IdempotencyPurgeScheduler {
  private static final Logger log = LoggerFactory.getLogger(IdempotencyPurgeScheduler.class);

  private final IdempotencyPurge purge;
  private final IdempotencyPurgeSettings settings;
  private ScheduledExecutorService executor;

  @Inject
  public IdempotencyPurgeScheduler(IdempotencyPurge purge, IdempotencyPurgeSettings settings) {
    this.purge = purge;
    this.settings = settings;
  }

  public synchronized void start() {
    if (executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "idempotency-purge");
              t.setDaemon(true);
              return t;
            });
    long periodMillis = settings.period().toMillis();
    executor.scheduleWithFixedDelay(this::runSafely, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    log.info("idempotency records kept {}, purged every {}", settings.retention(), settings.period());
  }

  /** Stops scheduling and waits briefly for a running batch; an interrupted batch rolls back. */
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
      long deleted = purge.runOnce();
      if (deleted > 0) {
        log.info("purged {} idempotency records older than {}", deleted, settings.retention());
      }
    } catch (DomainException e) {
      // Expected faults (the database unavailable, conflicts retried out): one line, no stack trace.
      log.warn("idempotency purge failed ({}); retrying next period", e.code().reason());
    } catch (RuntimeException e) {
      // A thrown exception would cancel the schedule; log it and try again next period.
      log.warn("idempotency purge failed; retrying next period", e);
    }
  }
}
