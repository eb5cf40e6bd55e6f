package io.resourceplans.server.mapping;

import com.google.protobuf.Timestamp;
import java.time.Instant;

/** java.time ↔ google.protobuf.Timestamp. */
public final class Timestamps {
  private Timestamps() {}

  public static Timestamp of(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }

  public static Instant toInstant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }
}
