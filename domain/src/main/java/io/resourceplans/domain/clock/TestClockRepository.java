package io.resourceplans.domain.clock;

import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Test clocks and the time of the accounts attached to them. */
public interface TestClockRepository {
  /** An account's clock: {@code frozenTime} null when the account lives in real time. */
  record AccountTime(String accountId, String testClockId, Instant frozenTime) {}

  void insert(TestClock clock);

  Optional<TestClock> find(String testClockId);

  /**
   * Locks the clock's row until the transaction ends (advances take turns) and reads its time. Only
   * the clock's own row: on Citus its change must come before any read across accounts.
   */
  Optional<Instant> lock(String testClockId);

  /** Newest first (create time descending, then ID). */
  Page<TestClock> list(PageRequest page);

  void setFrozenTime(String testClockId, Instant frozenTime);

  /** The account's clock and time; empty when the account does not exist. */
  Optional<AccountTime> accountTime(String accountId);

  /**
   * The distinct expiry times, in order, of the packages with quota left of the clock's accounts
   * that expire after {@code after} and no later than {@code until}.
   */
  List<Instant> packageExpiries(String testClockId, Instant after, Instant until);
}
