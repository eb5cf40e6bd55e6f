package io.resourceplans.domain.notification;

/** The notification outbox, scoped by account. */
public interface NotificationOutbox {
  /**
   * Inserts the entry unless the account already has one with its dedupe key (then nothing is
   * written, also when a concurrent transaction wrote it first). True when this call inserted it.
   */
  boolean insertOnce(OutboxEntry entry);
}
