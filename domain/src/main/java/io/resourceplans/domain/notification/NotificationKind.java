package io.resourceplans.domain.notification;

/** What a notification is about; an internal message has the same kinds plus SYSTEM. */
public enum NotificationKind {
  QUOTA_ALERT,
  EXPIRY_REMINDER,
  SYSTEM,
  /** An email verification code of the vendor binding flow (email only, never an internal message). */
  VERIFICATION_CODE
}
