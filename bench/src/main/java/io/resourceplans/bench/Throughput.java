package io.resourceplans.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Successful calls (records, for the batch) per second over fixed intervals, warm-up included: shows whether the warm-up
 * was long enough (the JIT on a busy 2-core machine takes a while) and how steady the load was.
 */
final class Throughput implements AutoCloseable {
  static final int INTERVAL_SECONDS = 5;

  private final LongAdder successes = new LongAdder();
  private final List<Double> perInterval = new ArrayList<>();
  private final ScheduledExecutorService ticker;
  private long lastCount;
  private long lastNanos;

  Throughput() {
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "throughput");
              t.setDaemon(true);
              return t;
            });
    lastNanos = System.nanoTime();
    ticker.scheduleAtFixedRate(this::tick, INTERVAL_SECONDS, INTERVAL_SECONDS, TimeUnit.SECONDS);
  }

  void succeeded() {
    successes.increment();
  }

  /** {@code units} more (the batch counts records, not calls). */
  void succeeded(long units) {
    successes.add(units);
  }

  private synchronized void tick() {
    long now = System.nanoTime();
    long count = successes.sum();
    perInterval.add((count - lastCount) / ((now - lastNanos) / 1e9));
    lastCount = count;
    lastNanos = now;
  }

  /** Calls/s of each whole interval so far. */
  synchronized List<Double> perInterval() {
    return List.copyOf(perInterval);
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
