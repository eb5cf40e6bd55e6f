package io.resourceplans.domain.notification;

import javax.inject.Inject;
import javax.inject.Singleton;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.tx.Tx;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The outbox as operators see it: every notification with its delivery state and last error, and
 * the way to queue a failed or skipped one again.
 */
@Singleton
public final class NotificationLog {
  private final Clock clock;

  @Inject
  public NotificationLog(Clock clock) {
    this.clock = clock;
  }

  /** Newest first; {@code accountId} and {@code status} null = any. Operators only. */
  public Page<Delivery> list(Tx tx, Principal caller, String accountId, DeliveryStatus status, PageRequest page) {
    caller.requireOperator();
    return tx.get(NotificationOutbox.class).list(accountId, status, page);
  }

  /** The notification's delivery attempts, first first; NOTIFICATION_NOT_FOUND if there is none such. Operators only. */
  public List<DeliveryAttempt> attempts(Tx tx, Principal caller, String accountId, String notificationId) {
    caller.requireOperator();
    if (tx.get(NotificationOutbox.class).find(accountId, notificationId) == null) {
      throw DomainException.notFound(ErrorCode.NOTIFICATION_NOT_FOUND, "notification", notificationId);
    }
    return tx.get(DeliveryAttemptRepository.class).list(accountId, notificationId);
  }

  /**
   * Queues a FAILED or SKIPPED notification again: PENDING, due now, with a fresh attempt budget.
   * A PENDING one is returned as it is. A DELIVERED one, or a verification code (its body is
   * wiped once finished), is refused NOTIFICATION_NOT_RETRYABLE. Operators only.
   */
  public Delivery retry(Tx tx, Principal caller, String accountId, String notificationId) {
    caller.requireOperator();
    Delivery d = tx.get(NotificationOutbox.class).find(accountId, notificationId);
    if (d == null) {
      throw DomainException.notFound(ErrorCode.NOTIFICATION_NOT_FOUND, "notification", notificationId);
    }
    if (d.kind() == NotificationKind.VERIFICATION_CODE || d.status() == DeliveryStatus.DELIVERED) {
      throw new DomainException(
          ErrorCode.NOTIFICATION_NOT_RETRYABLE,
          d.kind() == NotificationKind.VERIFICATION_CODE
              ? "a verification code is not sent again; ask for a new code"
              : "the notification was delivered already",
          Map.of("status", d.status().name()));
    }
    if (d.status() == DeliveryStatus.PENDING) {
      return d;
    }
    // Only a finished row changes: a concurrent retry of the same one finds it PENDING above, or
    // changes nothing here.
    tx.get(NotificationOutbox.class).requeue(accountId, notificationId, Times.now(clock));
    return tx.get(NotificationOutbox.class).find(accountId, notificationId);
  }
}
