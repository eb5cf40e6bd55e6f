package io.resourceplans.domain.clock;

import javax.inject.Inject;
import javax.inject.Singleton;
import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.domain.tx.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * "Now" for one account: real time, or the frozen time of the test clock the account was attached
 * to at creation. Every account-scoped time decision (package expiry and status, usage, order and
 * voucher validity, reminders) asks here. An attachment never changes, so accounts found to live
 * in real time are remembered by this replica and answered without a query afterwards (the usage
 * hot path stays one database call); a test account's time is read each time, since advancing its
 * clock moves it.
 */
@Singleton
public final class AccountClock {
  /** Real accounts remembered; past this the memory starts over (a query per account again). */
  static final int MAX_REMEMBERED = 200_000;

  private final Clock clock;
  private final Transactor transactor;
  private final Set<String> realAccounts = ConcurrentHashMap.newKeySet();

  @Inject
  public AccountClock(Clock clock, Transactor transactor) {
    this.clock = clock;
    this.transactor = transactor;
  }

  /** Every account in real time (no test clocks): for tests and tools that build services by hand. */
  public static AccountClock realTime(Clock clock) {
    return new AccountClock(clock, null);
  }

  /** Real time, microsecond precision. */
  public Instant realNow() {
    return Times.now(clock);
  }

  /** The account's now, read in the caller's transaction when it is not known to be real. */
  public Instant now(Tx tx, String accountId) {
    if (transactor == null || accountId == null || realAccounts.contains(accountId)) {
      return realNow();
    }
    return resolve(tx.get(TestClockRepository.class).accountTime(accountId), accountId);
  }

  /** The account's now, outside any transaction (a short read only for test accounts and the first call). */
  public Instant now(String accountId) {
    if (transactor == null || accountId == null || realAccounts.contains(accountId)) {
      return realNow();
    }
    return resolve(transactor.readOnly(tx -> tx.get(TestClockRepository.class).accountTime(accountId)), accountId);
  }

  private Instant resolve(Optional<TestClockRepository.AccountTime> time, String accountId) {
    if (time.isEmpty()) {
      // No such account: the caller's own look-up will refuse it.
      return realNow();
    }
    if (time.get().testClockId() == null) {
      if (realAccounts.size() >= MAX_REMEMBERED) {
        realAccounts.clear();
      }
      realAccounts.add(accountId);
      return realNow();
    }
    return time.get().frozenTime();
  }
}
