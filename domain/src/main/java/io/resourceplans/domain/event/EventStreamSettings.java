package io.resourceplans.domain.event;

import java.time.Duration;

/**
 * The account event log and its streams (docs/events.md). Events are kept {@code retention}
 * (7 days by default; a stream can resume after any retained event) and deleted every
 * {@code purgePeriod} in transactions of {@code purgeBatchSize} rows, at most
 * {@code maxBatchesPerRun} per run. A replica serves at most {@code watchersPerServer} streams, at
 * most {@code watchersPerAccount} of one account; it reads an account's events {@code pageSize} at a
 * time, and besides the database's notifications polls for missed ones every {@code pollPeriod}.
 */
public record EventStreamSettings(
    Duration retention,
    Duration purgePeriod,
    int purgeBatchSize,
    int maxBatchesPerRun,
    int watchersPerAccount,
    int watchersPerServer,
    Duration pollPeriod,
    int pageSize) {
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
  public static final Duration MINIMUM_RETENTION = Duration.ofHours(1);
  public static final Duration DEFAULT_PURGE_PERIOD = Duration.ofMinutes(10);
  public static final int DEFAULT_PURGE_BATCH_SIZE = 1000;
  public static final int DEFAULT_MAX_BATCHES_PER_RUN = 100;
  public static final int DEFAULT_WATCHERS_PER_ACCOUNT = 5;
  public static final int DEFAULT_WATCHERS_PER_SERVER = 1000;
  public static final Duration DEFAULT_POLL_PERIOD = Duration.ofSeconds(1);
  public static final int DEFAULT_PAGE_SIZE = 100;

  public EventStreamSettings {
    if (retention.compareTo(MINIMUM_RETENTION) < 0) {
      throw new IllegalArgumentException("events are kept at least " + MINIMUM_RETENTION + ": " + retention);
    }
    if (purgePeriod.isNegative() || purgePeriod.isZero() || pollPeriod.isNegative() || pollPeriod.isZero()) {
      throw new IllegalArgumentException("event purge and poll periods must be positive");
    }
    if (purgeBatchSize < 1 || maxBatchesPerRun < 1 || pageSize < 1) {
      throw new IllegalArgumentException("event purge batch size, batches per run and page size must be at least 1");
    }
    if (watchersPerAccount < 1 || watchersPerServer < watchersPerAccount) {
      throw new IllegalArgumentException(
          "event watchers per account must be at least 1 and at most the watchers per server");
    }
  }

  public static EventStreamSettings defaults() {
    return new EventStreamSettings(
        DEFAULT_RETENTION, DEFAULT_PURGE_PERIOD, DEFAULT_PURGE_BATCH_SIZE, DEFAULT_MAX_BATCHES_PER_RUN,
        DEFAULT_WATCHERS_PER_ACCOUNT, DEFAULT_WATCHERS_PER_SERVER, DEFAULT_POLL_PERIOD, DEFAULT_PAGE_SIZE);
  }

  public EventStreamSettings withPurgePeriod(Duration period) {
    return new EventStreamSettings(
        retention, period, purgeBatchSize, maxBatchesPerRun, watchersPerAccount, watchersPerServer, pollPeriod, pageSize);
  }

  public EventStreamSettings withPageSize(int size) {
    return new EventStreamSettings(
        retention, purgePeriod, purgeBatchSize, maxBatchesPerRun, watchersPerAccount, watchersPerServer, pollPeriod, size);
  }
}
