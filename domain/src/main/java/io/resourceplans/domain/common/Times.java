package io.resourceplans.domain.common;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps as PostgreSQL stores them (microseconds), so what we return equals what we read back. */
public final class Times {
  private Times() {}

  public static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
