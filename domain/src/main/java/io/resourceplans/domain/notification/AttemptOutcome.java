package io.resourceplans.domain.notification;

/** What one delivery attempt came to. */
public enum AttemptOutcome {
  /** Handed to the SMTP server / SMS gateway, or stored as an internal message. */
  DELIVERED,
  /** Not sent: the channel is not configured. */
  SKIPPED,
  /** Failed; another attempt is scheduled. */
  RETRYING,
  /** Failed for good: permanently, or the last attempt of the budget. */
  FAILED
}
