package io.resourceplans.server.mapping;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** java.time ↔ google.protobuf.Timestamp. */
public final class Timestamps {
  private Timestamps() {}

  public static Timestamp of(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }

  /**
   * A request's timestamp as it will be stored: cut to the microsecond, as PostgreSQL keeps it
   * (which would otherwise round 9999-12-31T23:59:59.999999999Z up into year 10000, past what a
   * Timestamp can say). The edge has checked that it is within the Timestamp range.
   */
  public static Instant toInstant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos()).truncatedTo(ChronoUnit.MICROS);
  }
}
