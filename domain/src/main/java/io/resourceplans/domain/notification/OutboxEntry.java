package io.resourceplans.domain.notification;

import java.time.Instant;

/**
 * One notification to deliver on one channel, written in the transaction of its cause. The
 * recipient is the account's contact email or phone, empty for internal messages (whose stored
 * message is {@code messageId}); product and package IDs are empty when not concerned.
 */
public record OutboxEntry(
    String accountId,
    String notificationId,
    NotificationKind kind,
    Channel channel,
    String recipient,
    String subject,
    String body,
    String productId,
    String packageId,
    String messageId,
    String dedupeKey,
    Instant createTime) {
  /** Every entry starts PENDING; delivery moves it on. */
  public static final String PENDING = "PENDING";
}
