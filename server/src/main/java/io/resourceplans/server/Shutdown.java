package io.resourceplans.server;

import io.resourceplans.server.logging.LogSetup;
import io.resourceplans.server.metrics.MetricsHttpServer;
import io.resourceplans.storage.db.Database;
import io.resourceplans.storage.db.EmbeddedDatabase;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one order in which a running server stops: health NOT_SERVING, no new calls, in-flight calls
 * drained for the grace period (then cancelled), the metrics endpoint closed (it stays up while
 * calls drain, and its backlog gauges read the database), the pool closed, the embedded PostgreSQL
 * stopped.
 * Runs once, whoever asks first (a signal, or the JVM exiting for another reason); a second caller
 * waits until it is done. No library's shutdown hook takes part: the database must outlive the
 * calls that use it.
 */
final class Shutdown implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(Shutdown.class);

  private final ResourcePlansServer server;
  private final Duration grace;
  private final MetricsHttpServer metrics;
  private final Database database;
  private final EmbeddedDatabase embedded;
  private final AtomicBoolean started = new AtomicBoolean();
  private final CountDownLatch done = new CountDownLatch(1);

  /**
   * @param metrics null when --metrics-port is 0
   * @param embedded null when the database is external
   */
  Shutdown(ResourcePlansServer server, Duration grace, MetricsHttpServer metrics, Database database, EmbeddedDatabase embedded) {
    this.server = server;
    this.grace = grace;
    this.metrics = metrics;
    this.database = database;
    this.embedded = embedded;
  }

  @Override
  public void run() {
    if (!started.compareAndSet(false, true)) {
      awaitDone();
      return;
    }
    try {
      log.info("shutting down: draining calls for up to {}", grace);
      try {
        server.stop(grace);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (metrics != null) {
        metrics.close();
      }
      database.close();
      if (embedded != null) {
        try {
          embedded.close();
        } catch (Exception e) {
          log.warn("embedded PostgreSQL did not stop cleanly: {}", e.getClass().getName());
        }
      }
      log.info("stopped");
    } finally {
      // The log lines still queued (the appender is asynchronous) are written before the exit.
      LogSetup.flush();
      done.countDown();
    }
  }

  private void awaitDone() {
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
