package io.resourceplans.domain.notification;

import java.time.Instant;

/**
 * One delivery attempt of a notification.
 *
 * @param seq 1 for the first attempt of the notification, counting across operator retries
 * @param error why it was not delivered (null when DELIVERED)
 * @param dispatcher the dispatcher (replica and claim) that made it
 */
public record DeliveryAttempt(
    String accountId,
    String notificationId,
    int seq,
    Instant attemptTime,
    AttemptOutcome outcome,
    String error,
    String dispatcher) {}
