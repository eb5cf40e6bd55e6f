package io.resourceplans.domain.notification;

import java.time.Instant;
import java.util.List;

/** The delivery attempts of notifications. */
public interface DeliveryAttemptRepository {
  /** Appends an attempt as the notification's next {@code seq}; the caller holds the row's lease. */
  void add(String accountId, String notificationId, Instant attemptTime, AttemptOutcome outcome, String error,
      String dispatcher);

  /** The notification's attempts, first first. */
  List<DeliveryAttempt> list(String accountId, String notificationId);
}
