package io.resourceplans.storage.clock;

import io.resourceplans.domain.clock.TestClock;
import java.time.Instant;

/** A row of {@code test_clocks} with the number of accounts attached. */
public record TestClockRow(String testClockId, String name, Instant frozenTime, Instant createTime, long accountCount) {
  TestClock toDomain() {
    return new TestClock(testClockId, name, frozenTime, createTime, accountCount);
  }
}
