package io.resourceplans.storage.notification;

import io.resourceplans.domain.notification.AttemptOutcome;
import io.resourceplans.domain.notification.DeliveryAttempt;
import java.time.Instant;

/** A row of {@code notification_attempts}. */
public record DeliveryAttemptRow(
    String accountId, String notificationId, int seq, Instant attemptTime, String outcome, String error,
    String dispatcher) {
  DeliveryAttempt toDomain() {
    return new DeliveryAttempt(
        accountId, notificationId, seq, attemptTime, AttemptOutcome.valueOf(outcome), error, dispatcher);
  }
}
