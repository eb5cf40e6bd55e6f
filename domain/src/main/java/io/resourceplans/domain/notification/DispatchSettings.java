package io.resourceplans.domain.notification;

import java.time.Duration;

/**
 * How the notification dispatcher runs: every {@code period} it claims due notifications
 * {@code batchSize} at a time for {@code lease} (after which a crashed claimer's rows are claimed
 * again). A failed attempt is retried after {@code backoffBase × 2^(attempt-1)}, at most
 * {@code backoffMax}, scaled by a random factor in [0.5, 1) (jitter); after {@code maxAttempts}
 * attempts the notification is FAILED.
 */
public record DispatchSettings(
    Duration period, int batchSize, int maxAttempts, Duration backoffBase, Duration backoffMax, Duration lease) {
  public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(5);
  public static final int DEFAULT_BATCH_SIZE = 50;
  public static final int DEFAULT_MAX_ATTEMPTS = 6;
  public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofSeconds(30);
  public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofHours(1);
  public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);

  public DispatchSettings {
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("dispatch period must be positive: " + period);
    }
    if (batchSize < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("batch size and max attempts must be at least 1");
    }
    if (backoffBase.isNegative() || backoffMax.compareTo(backoffBase) < 0) {
      throw new IllegalArgumentException("backoff base must be >= 0 and <= backoff max");
    }
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("lease must be positive: " + lease);
    }
  }

  public static DispatchSettings defaults() {
    return new DispatchSettings(
        DEFAULT_PERIOD, DEFAULT_BATCH_SIZE, DEFAULT_MAX_ATTEMPTS, DEFAULT_BACKOFF_BASE, DEFAULT_BACKOFF_MAX, DEFAULT_LEASE);
  }

  public DispatchSettings withPeriod(Duration p) {
    return new DispatchSettings(p, batchSize, maxAttempts, backoffBase, backoffMax, lease);
  }

  /**
   * The wait before the attempt after attempt number {@code attempt} (1 = the first failed):
   * {@code min(backoffMax, backoffBase × 2^(attempt-1)) × (0.5 + jitter/2)}, jitter in [0, 1).
   */
  public Duration backoff(int attempt, double jitter) {
    long baseMillis = backoffBase.toMillis();
    int shift = Math.min(Math.max(attempt - 1, 0), 40);
    long exp = baseMillis > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : baseMillis << shift;
    long capped = Math.min(exp, backoffMax.toMillis());
    return Duration.ofMillis((long) (capped * (0.5 + jitter / 2)));
  }
}
