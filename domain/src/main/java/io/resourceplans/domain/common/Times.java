package io.resourceplans.domain.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps as PostgreSQL stores them (microseconds), so what we return equals what we read back. */
public final class Times {
  private Times() {}

  public static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** Whole seconds from {@code now} to {@code until}, rounded up, at least 1: a retry delay. */
  public static long wholeSecondsUntil(Instant now, Instant until) {
    return Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
  }
}
