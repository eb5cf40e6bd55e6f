package io.resourceplans.domain.clock;

import javax.inject.Inject;
import javax.inject.Singleton;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.common.Ids;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.notification.ExpiryReminderService;
import io.resourceplans.domain.tx.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Operator-only simulated time (test clocks): create, read, list and advance. Advancing moves the
 * "now" of the clock's accounts and runs, in the same transaction, what the real schedulers would
 * have run for them in between (packages lapsing at their expiry, expiry reminders at their
 * offsets, in order); order and voucher validity follow from the accounts' time by themselves.
 */
@Singleton
public final class TestClockService {
  private final Clock clock;
  private final TestClockSettings settings;
  private final ExpiryReminderService reminders;

  @Inject
  public TestClockService(Clock clock, TestClockSettings settings, ExpiryReminderService reminders) {
    this.clock = clock;
    this.settings = settings;
    this.reminders = reminders;
  }

  /** What an advance names: a clock, or an account on one. Exactly one is non-null. */
  public record Target(String testClockId, String accountId) {}

  public TestClock create(Tx tx, Principal caller, String name, Instant frozenTime) {
    caller.requireOperator();
    requireEnabled(settings);
    Instant now = Times.now(clock);
    Instant start = frozenTime == null ? now : frozenTime;
    TestClock created = new TestClock(Ids.newId("clk"), name, start, now, 0);
    tx.get(TestClockRepository.class).insert(created);
    return created;
  }

  public TestClock get(Tx tx, Principal caller, String testClockId) {
    caller.requireOperator();
    requireEnabled(settings);
    return find(tx, testClockId);
  }

  public Page<TestClock> list(Tx tx, Principal caller, PageRequest page) {
    caller.requireOperator();
    requireEnabled(settings);
    return tx.get(TestClockRepository.class).list(page);
  }

  /**
   * Moves the clock forward to {@code frozenTime} (later than its time, at most the longest advance
   * later) and runs what became due for its accounts in between.
   */
  public TestClock advance(Tx tx, Principal caller, Target target, Instant frozenTime) {
    caller.requireOperator();
    requireEnabled(settings);
    String clockId = target.testClockId();
    if (clockId == null) {
      TestClockRepository.AccountTime account =
          tx.get(TestClockRepository.class).accountTime(target.accountId())
              .orElseThrow(() -> DomainException.notFound(ErrorCode.ACCOUNT_NOT_FOUND, "account", target.accountId()));
      if (account.testClockId() == null) {
        throw new DomainException(
            ErrorCode.ACCOUNT_NOT_ON_TEST_CLOCK,
            "account " + target.accountId() + " lives in real time: only accounts created on a test clock can be advanced",
            Map.of("account_id", target.accountId()));
      }
      clockId = account.testClockId();
    }
    String id = clockId;
    Instant current =
        tx.get(TestClockRepository.class).lock(id).orElseThrow(() -> DomainException.notFound(ErrorCode.TEST_CLOCK_NOT_FOUND, "test clock", id));
    if (!frozenTime.isAfter(current)) {
      throw DomainException.invalid(
          "frozen_time", "must be later than the test clock's time, " + current + " (a clock only moves forward)");
    }
    if (frozenTime.isAfter(current.plus(settings.maxAdvance()))) {
      throw DomainException.invalid(
          "frozen_time", "must be at most " + settings.maxAdvance().toDays() + " days after the test clock's time, "
              + current + "; advance in several steps");
    }
    // The clock's own row first: on Citus a replicated (reference) table cannot change after a
    // transaction has read distributed tables in parallel. The reminders take their window as
    // arguments, not from the clock.
    tx.get(TestClockRepository.class).setFrozenTime(id, frozenTime);
    reminders.runForTestClock(tx, id, current, frozenTime);
    return find(tx, id);
  }

  /**
   * The clock a new account is to be attached to: refused when test clocks are off or it does not
   * exist.
   */
  public static void requireAttachable(Tx tx, TestClockSettings settings, String testClockId) {
    requireEnabled(settings);
    tx.get(TestClockRepository.class).find(testClockId)
        .orElseThrow(() -> DomainException.notFound(ErrorCode.TEST_CLOCK_NOT_FOUND, "test clock", testClockId));
  }

  private static TestClock find(Tx tx, String testClockId) {
    return tx.get(TestClockRepository.class).find(testClockId)
        .orElseThrow(() -> DomainException.notFound(ErrorCode.TEST_CLOCK_NOT_FOUND, "test clock", testClockId));
  }

  private static void requireEnabled(TestClockSettings settings) {
    if (!settings.enabled()) {
      throw new DomainException(
          ErrorCode.TEST_CLOCKS_DISABLED, "test clocks are turned off on this server (--test-clocks=false)");
    }
  }
}
