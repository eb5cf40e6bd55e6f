package io.resourceplans.domain.webhook;

import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The webhook deliveries. Writers and readers are scoped by account; the dispatcher's claim spans
 * accounts as the notification outbox's does (FOR UPDATE SKIP LOCKED; on Citus, a re-checked update).
 */
public interface WebhookDeliveryRepository {
  /** A new PENDING row, unless the endpoint already has one with the dedupe key; true when inserted. */
  boolean insertOnce(WebhookDelivery delivery, String dedupeKey);

  /**
   * Claims up to {@code limit} PENDING rows due at {@code now} whose lease is free or expired,
   * oldest due first: each gets {@code owner}, {@code leaseUntil} and one more attempt counted.
   */
  List<WebhookDelivery> claim(String owner, Instant now, Instant leaseUntil, int limit);

  /** Ends a claimed row DELIVERED or FAILED; false when {@code owner} lost its lease. */
  boolean finish(
      String accountId, String deliveryId, String owner, WebhookDeliveryStatus status, String error, int statusCode,
      Instant now);

  /** A claimed row back to PENDING due at {@code nextAttempt}; false when the lease was lost. */
  boolean retryLater(
      String accountId, String deliveryId, String owner, Instant nextAttempt, String error, int statusCode);

  /**
   * Any row back to PENDING, attempts 0, giving up at {@code giveUpTime}, its last error kept: due
   * at {@code now}, or, while an attempt holds a lease, when that lease ends, the attempt no longer
   * owning it (its outcome is not recorded), so the row is never sent twice at once. False when
   * there is no such row.
   */
  boolean requeue(String accountId, String deliveryId, Instant now, Instant giveUpTime);

  Optional<WebhookDelivery> find(String accountId, String deliveryId);

  /** Newest first (create time, then ID, descending); {@code endpointId} and {@code status} null = any. */
  Page<WebhookDelivery> list(String accountId, String endpointId, WebhookDeliveryStatus status, PageRequest page);
}
