package io.resourceplans.storage.clock;

import io.resourceplans.domain.clock.TestClockRepository;
import java.time.Instant;

/** An account with its test clock and that clock's time (both null for a real account). */
public record AccountTimeRow(String accountId, String testClockId, Instant frozenTime) {
  TestClockRepository.AccountTime toDomain() {
    return new TestClockRepository.AccountTime(accountId, testClockId, frozenTime);
  }
}
