package io.resourceplans.domain.notification;

import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import java.time.Instant;
import java.util.List;

/**
 * The notification outbox. Writers are scoped by account; the dispatcher's claim and the
 * operators' list span accounts (every row they return carries its account).
 */
public interface NotificationOutbox {
  /**
   * Inserts the entry unless the account already has one with its dedupe key (then nothing is
   * written, also when a concurrent transaction wrote it first). True when this call inserted it.
   */
  boolean insertOnce(OutboxEntry entry);

  /**
   * Claims up to {@code limit} PENDING rows due at {@code now} whose lease is free or expired,
   * oldest due first, skipping rows another transaction has locked ({@code FOR UPDATE SKIP
   * LOCKED}; on Citus, rows a concurrent claim took first): each gets {@code owner} and
   * {@code leaseUntil}, and one more attempt counted.
   */
  List<Delivery> claim(String owner, Instant now, Instant leaseUntil, int limit);

  /**
   * Ends a claimed row as DELIVERED, SKIPPED or FAILED (with {@code error} for the last two) and
   * frees its lease. False when {@code owner} no longer holds it (its lease expired and another
   * dispatcher claimed it): then nothing changes.
   */
  boolean finish(String accountId, String notificationId, String owner, DeliveryStatus status, String error, Instant now);

  /** Puts a claimed row back to PENDING, due at {@code nextAttempt}, with the error; false as for finish. */
  boolean retryLater(String accountId, String notificationId, String owner, Instant nextAttempt, String error);

  /**
   * A FAILED or SKIPPED row back to PENDING, due at {@code now}, attempts 0, no lease; its last
   * error stays. False when the row is not FAILED or SKIPPED.
   */
  boolean requeue(String accountId, String notificationId, Instant now);

  /** One notification, any account; null when there is none. */
  Delivery find(String accountId, String notificationId);

  /**
   * Newest first (create time, then notification ID, descending); {@code accountId} and
   * {@code status} null = any.
   */
  Page<Delivery> list(String accountId, DeliveryStatus status, PageRequest page);

  /**
   * Every account's PENDING and FAILED rows, by channel and status, in one aggregate query (for
   * metrics; on Citus one query across the shards). Combinations without rows are left out.
   */
  List<OutboxBacklog> backlog();
}
