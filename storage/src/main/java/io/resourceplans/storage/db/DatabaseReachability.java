package io.resourceplans.storage.db;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether PostgreSQL answers, probed every {@link #PERIOD} on a connection of its own. Health
 * reports it; new pool connections are not attempted while it is down (see
 * {@link OutageAwareDataSource}), so the pool does not back off for seconds during an outage and
 * connects again as soon as the database answers.
 */
public final class DatabaseReachability implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DatabaseReachability.class);

  /** How often the database is probed. */
  public static final Duration PERIOD = Duration.ofMillis(250);

  /** How long one probe may take before the database counts as down. */
  public static final Duration PROBE_TIMEOUT = Duration.ofMillis(750);

  private final DatabaseProbe probe;
  private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
  private final Object changed = new Object();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "database-probe");
            t.setDaemon(true);
            return t;
          });
  // Up until a probe says otherwise: the database answered the migrations before this starts.
  private volatile boolean up = true;

  DatabaseReachability(DatabaseSettings settings) {
    this.probe = new DatabaseProbe(settings, PROBE_TIMEOUT);
  }

  void start() {
    scheduler.scheduleWithFixedDelay(this::check, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Whether the last probe was answered. */
  public boolean isUp() {
    return up;
  }

  /** Called with the new state at each change, on the probe's thread; must return quickly. */
  public void onChange(Consumer<Boolean> listener) {
    listeners.add(listener);
  }

  public void removeListener(Consumer<Boolean> listener) {
    listeners.remove(listener);
  }

  /** Waits until the database answers, at most {@code max}; true if it does. */
  boolean awaitUp(Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    synchronized (changed) {
      while (!up) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(changed, left);
      }
    }
    return true;
  }

  private void check() {
    boolean answers = probe.answers();
    if (answers == up) {
      return;
    }
    if (answers) {
      log.info("database answers again");
    } else {
      log.warn("database does not answer: {}", probe.lastFailure());
    }
    synchronized (changed) {
      up = answers;
      changed.notifyAll();
    }
    for (Consumer<Boolean> listener : listeners) {
      try {
        listener.accept(answers);
      } catch (RuntimeException e) {
        log.error("database state listener failed: {}", SqlFailures.describe(e));
      }
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    probe.close();
  }
}
