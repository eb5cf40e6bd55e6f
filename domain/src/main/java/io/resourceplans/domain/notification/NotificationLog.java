package io.resourceplans.domain.notification;

import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.tx.Tx;

/** The outbox as operators read it: every notification with its delivery state and last error. */
public final class NotificationLog {
  /** Newest first; {@code accountId} and {@code status} null = any. Operators only. */
  public Page<Delivery> list(Tx tx, Principal caller, String accountId, DeliveryStatus status, PageRequest page) {
    caller.requireOperator();
    return tx.notificationOutbox().list(accountId, status, page);
  }
}
