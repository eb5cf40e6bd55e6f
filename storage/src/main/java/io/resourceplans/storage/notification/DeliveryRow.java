package io.resourceplans.storage.notification;

import io.resourceplans.domain.notification.Channel;
import io.resourceplans.domain.notification.Delivery;
import io.resourceplans.domain.notification.DeliveryStatus;
import io.resourceplans.domain.notification.Language;
import io.resourceplans.domain.notification.NotificationKind;
import java.time.Instant;
import java.util.Comparator;

/** A row of {@code notification_outbox} as the dispatcher and operators read it. */
public record DeliveryRow(
    String accountId,
    String notificationId,
    String kind,
    String channel,
    String recipient,
    String subject,
    String body,
    String htmlBody,
    String language,
    String productId,
    String packageId,
    String messageId,
    String status,
    int attempts,
    Instant nextAttemptTime,
    String leaseOwner,
    Instant leaseUntil,
    String lastError,
    Instant createTime,
    Instant finishTime) {

  /** When the row is due: its next attempt, or its creation for the first. */
  Instant dueTime() {
    return nextAttemptTime != null ? nextAttemptTime : createTime;
  }

  /** The claim's order (oldest due first), which an UPDATE's RETURNING does not keep by itself. */
  static final Comparator<DeliveryRow> DUE_ORDER =
      Comparator.comparing(DeliveryRow::dueTime).thenComparing(DeliveryRow::notificationId);

  Delivery toDomain() {
    return new Delivery(
        accountId, notificationId, NotificationKind.valueOf(kind), Channel.valueOf(channel), recipient, subject, body,
        htmlBody, Language.valueOf(language), productId, packageId, messageId, DeliveryStatus.valueOf(status),
        attempts, nextAttemptTime, leaseOwner, leaseUntil, lastError, createTime, finishTime);
  }
}
