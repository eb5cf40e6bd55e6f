package io.resourceplans.storage.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition that is expected to become true within a bound (a probe, a health status). */
public final class Eventually {
  private static final long POLL_MILLIS = 20;

  private Eventually() {}

  /** Whether {@code condition} holds at some poll within {@code limit}. */
  public static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(POLL_MILLIS);
    }
    return condition.getAsBoolean();
  }
}
