package io.resourceplans.storage.notification;

import io.resourceplans.domain.notification.OutboxEntry;
import java.time.Instant;

/** A row of {@code notification_outbox} as written. */
public record OutboxRow(
    String accountId,
    String notificationId,
    String kind,
    String channel,
    String recipient,
    String subject,
    String body,
    String productId,
    String packageId,
    String messageId,
    String status,
    String dedupeKey,
    Instant createTime,
    String language,
    String htmlBody,
    Instant nextAttemptTime) {

  static OutboxRow of(OutboxEntry e) {
    return new OutboxRow(
        e.accountId(), e.notificationId(), e.kind().name(), e.channel().name(), e.recipient(), e.subject(), e.body(),
        e.productId(), e.packageId(), e.messageId(), OutboxEntry.PENDING, e.dedupeKey(), e.createTime(),
        e.language().name(), e.htmlBody(), e.nextAttemptTime());
  }
}
