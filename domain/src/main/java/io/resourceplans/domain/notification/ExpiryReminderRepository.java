package io.resourceplans.domain.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The one cross-tenant query: packages whose expiry reminder is due, across all accounts. */
public interface ExpiryReminderRepository {
  /** Position in the scan: the last package of the previous batch. */
  record Position(Instant expireTime, String accountId, String packageId) {}

  /**
   * Up to {@code limit} packages after {@code after} (null = from the start), ordered by expiry,
   * account and package ID, that at {@code now} still hold quota, have not expired, are within
   * {@code offset} of expiry, and were bought no later than {@code offset} before expiry. Packages
   * already done are left out: those with an outbox entry keyed {@code doneKeyBefore + package_id +
   * doneKeyAfter}. Only accounts of the test clock {@code testClockId} are looked at, or, when it
   * is null, only accounts in real time (no test clock).
   */
  List<DuePackage> due(
      Duration offset, String doneKeyBefore, String doneKeyAfter, Instant now, Position after, int limit,
      String testClockId);
}
