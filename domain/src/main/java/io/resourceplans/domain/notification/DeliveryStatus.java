package io.resourceplans.domain.notification;

/** Where a notification stands in delivery. */
public enum DeliveryStatus {
  /** Waiting for its first or next attempt (possibly claimed by a dispatcher right now). */
  PENDING,
  /** Handed to the SMTP server or the SMS gateway (internal messages: stored). Final. */
  DELIVERED,
  /** Not sent, for a reason in last_error, e.g. "channel not configured". Final. */
  SKIPPED,
  /** Every attempt failed, or one failed permanently; last_error holds the last error. Final. */
  FAILED
}
