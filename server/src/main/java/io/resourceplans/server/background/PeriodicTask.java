package io.resourceplans.server.background;

import io.resourceplans.domain.error.DomainException;
import io.resourceplans.server.metrics.BackgroundPassMetrics;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background pass run every period on a daemon thread of its own, in every replica (the passes
 * are written so that replicas running them at once is harmless). A failed pass is logged on one
 * line and tried again next period: a thrown exception would cancel the schedule. Each pass is
 * counted, timed and its last success kept ({@link BackgroundPassMetrics}). Stopping waits a
 * bounded time for a running pass, then interrupts it.
 */
public final class PeriodicTask {
  private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

  private final String name;
  private final Duration period;
  private final Duration stopWait;
  private final BackgroundPassMetrics metrics;
  private final Runnable pass;
  private ScheduledExecutorService executor;

  /**
   * @param name the thread's name, the log's word for the pass and its metrics' {@code pass} label
   * @param stopWait how long {@link #stop} lets a running pass finish before interrupting it
   */
  public PeriodicTask(String name, Duration period, Duration stopWait, BackgroundPassMetrics metrics, Runnable pass) {
    this.name = name;
    this.period = period;
    this.stopWait = stopWait;
    this.metrics = metrics;
    this.pass = pass;
    metrics.register(name);
  }

  /** The first pass runs one period from now. */
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    long millis = period.toMillis();
    executor.scheduleWithFixedDelay(this::runSafely, millis, millis, TimeUnit.MILLISECONDS);
  }

  public synchronized void stop() throws InterruptedException {
    if (executor == null) {
      return;
    }
    executor.shutdown();
    if (!executor.awaitTermination(stopWait.toMillis(), TimeUnit.MILLISECONDS)) {
      executor.shutdownNow();
      executor.awaitTermination(5, TimeUnit.SECONDS);
    }
    executor = null;
  }

  private void runSafely() {
    long start = System.nanoTime();
    try {
      pass.run();
      metrics.succeeded(name, System.nanoTime() - start);
    } catch (DomainException e) {
      metrics.failed(name, System.nanoTime() - start);
      // Expected faults (the database unavailable, a conflict retried out): the reason and its cause.
      log.warn("{} pass failed ({}); retrying next period", name, e.code().reason(), e.getCause());
    } catch (RuntimeException e) {
      metrics.failed(name, System.nanoTime() - start);
      log.warn("{} pass failed; retrying next period", name, e);
    }
  }
}
