package io.resourceplans.domain.clock;

import java.time.Duration;

/**
 * Whether operators may create and advance test clocks (and attach new accounts to them), and
 * the longest single advance. Turning the feature off leaves accounts already attached on their
 * clock's time; only the test-clock RPCs and new attachments are refused.
 */
public record TestClockSettings(boolean enabled, Duration maxAdvance) {
  /** About two years per advance: enough to expire any plan, small enough to stay one transaction. */
  public static final Duration DEFAULT_MAX_ADVANCE = Duration.ofDays(731);

  public TestClockSettings {
    if (maxAdvance.isNegative() || maxAdvance.isZero()) {
      throw new IllegalArgumentException("the longest advance must be positive: " + maxAdvance);
    }
  }

  public static TestClockSettings enabledByDefault() {
    return new TestClockSettings(true, DEFAULT_MAX_ADVANCE);
  }

  public static TestClockSettings disabled() {
    return new TestClockSettings(false, DEFAULT_MAX_ADVANCE);
  }
}
