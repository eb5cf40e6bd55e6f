package io.resourceplans.domain.notification;

import java.time.Instant;

/**
 * One notification to deliver on one channel, written in the transaction of its cause, already
 * written out in {@code language}. The recipient is an email address or phone number, empty for
 * internal messages (whose stored message is {@code messageId}); product and package IDs are empty
 * when not concerned. {@code body} is the plain text (for SMS: the SMS text); {@code htmlBody}
 * the HTML part of an email, null if none. {@code nextAttemptTime} null = due at {@code createTime};
 * set when the creation time is a test account's simulated time later than real time, so the
 * dispatcher still delivers it now.
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
    Instant createTime,
    Language language,
    String htmlBody,
    Instant nextAttemptTime) {
  /** Every entry starts PENDING; delivery moves it on. */
  public static final String PENDING = "PENDING";
}
