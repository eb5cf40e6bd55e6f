package io.resourceplans.domain.notification;

import java.time.Instant;

/**
 * A notification as the dispatcher sees it: what to send and how it went so far. {@code attempts}
 * counts this attempt too once claimed. {@code leaseOwner} is the claim that holds it (null when
 * not claimed).
 */
public record Delivery(
    String accountId,
    String notificationId,
    NotificationKind kind,
    Channel channel,
    String recipient,
    String subject,
    String body,
    String htmlBody,
    Language language,
    String productId,
    String packageId,
    String messageId,
    DeliveryStatus status,
    int attempts,
    Instant nextAttemptTime,
    String leaseOwner,
    Instant leaseUntil,
    String lastError,
    Instant createTime,
    Instant finishTime) {}
