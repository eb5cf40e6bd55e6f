package io.resourceplans.domain.idempotency;

import java.time.Duration;

/**
 * How long idempotency records are kept, and how the purge deletes the older ones: every
 * {@code period}, in transactions of at most {@code batchSize} rows, at most
 * {@code maxBatchesPerRun} of them per run (the rest waits for the next run).
 */
public record IdempotencyPurgeSettings(Duration retention, Duration period, int batchSize, int maxBatchesPerRun) {
  /** The contract (resources.proto) remembers request IDs for at least this long. */
  public static final Duration MINIMUM_RETENTION = Duration.ofHours(24);
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(168);
  public static final Duration DEFAULT_PERIOD = Duration.ofMinutes(10);
  /** Small enough that one delete holds its row locks and WAL for milliseconds. */
  public static final int DEFAULT_BATCH_SIZE = 1_000;
  public static final int DEFAULT_MAX_BATCHES_PER_RUN = 100;

  public IdempotencyPurgeSettings {
    if (retention.compareTo(MINIMUM_RETENTION) < 0) {
      throw new IllegalArgumentException("idempotency retention must be at least " + MINIMUM_RETENTION + ": " + retention);
    }
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("idempotency purge period must be positive: " + period);
    }
    if (batchSize < 1 || maxBatchesPerRun < 1) {
      throw new IllegalArgumentException("idempotency purge batches must hold and number at least 1");
    }
  }

  /** This retention, with the default period and batches. */
  public static IdempotencyPurgeSettings withRetention(Duration retention) {
    return new IdempotencyPurgeSettings(retention, DEFAULT_PERIOD, DEFAULT_BATCH_SIZE, DEFAULT_MAX_BATCHES_PER_RUN);
  }
}
