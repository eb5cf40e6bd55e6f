package io.resourceplans.domain.webhook;

import java.time.Duration;

/**
 * How webhooks are delivered. Every {@code period} the dispatcher claims due deliveries
 * {@code batchSize} at a time for {@code lease}; one HTTP exchange may take {@code timeout}. After
 * failed attempt n the next comes {@code min(backoffMax, backoffBase × 2^(n-1))} later, scaled by a
 * random factor in [0.5, 1), but never after the give-up time ({@code retryFor} after the event):
 * the attempt at or after that time is the last. {@code allowPrivateUrls} lets endpoints use plain
 * http and loopback, private or link-local addresses (tests only).
 */
public record WebhookSettings(
    Duration period,
    int batchSize,
    Duration lease,
    Duration timeout,
    Duration backoffBase,
    Duration backoffMax,
    Duration retryFor,
    boolean allowPrivateUrls) {
  public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(5);
  public static final int DEFAULT_BATCH_SIZE = 50;
  public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofSeconds(30);
  public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofHours(6);
  public static final Duration DEFAULT_RETRY_FOR = Duration.ofDays(3);

  public WebhookSettings {
    if (period.isNegative() || period.isZero() || lease.isNegative() || lease.isZero()
        || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("webhook period, lease and timeout must be positive");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("webhook batch size must be at least 1");
    }
    if (backoffBase.isNegative() || backoffMax.compareTo(backoffBase) < 0) {
      throw new IllegalArgumentException("webhook backoff base must be >= 0 and <= backoff max");
    }
    if (retryFor.compareTo(Duration.ofDays(3)) < 0) {
      throw new IllegalArgumentException("webhooks are retried for at least 3 days: " + retryFor);
    }
  }

  public static WebhookSettings defaults() {
    return new WebhookSettings(
        DEFAULT_PERIOD, DEFAULT_BATCH_SIZE, DEFAULT_LEASE, DEFAULT_TIMEOUT, DEFAULT_BACKOFF_BASE, DEFAULT_BACKOFF_MAX,
        DEFAULT_RETRY_FOR, false);
  }

  public WebhookSettings withPeriod(Duration p) {
    return new WebhookSettings(p, batchSize, lease, timeout, backoffBase, backoffMax, retryFor, allowPrivateUrls);
  }

  public WebhookSettings withAllowPrivateUrls(boolean allow) {
    return new WebhookSettings(period, batchSize, lease, timeout, backoffBase, backoffMax, retryFor, allow);
  }

  /** The wait after failed attempt {@code attempt} (1 = the first), jitter in [0, 1). */
  public Duration backoff(int attempt, double jitter) {
    long baseMillis = backoffBase.toMillis();
    int shift = Math.min(Math.max(attempt - 1, 0), 40);
    long exp = baseMillis > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : baseMillis << shift;
    long capped = Math.min(exp, backoffMax.toMillis());
    return Duration.ofMillis((long) (capped * (0.5 + jitter / 2)));
  }
}
