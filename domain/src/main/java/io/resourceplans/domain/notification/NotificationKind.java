package io.resourceplans.domain.notification;

import java.util.EnumSet;
import java.util.Set;

/** What a notification is about; an internal message has the same kinds. */
public enum NotificationKind {
  QUOTA_ALERT,
  EXPIRY_REMINDER,
  SYSTEM,
  ORDER_PAID,
  /** A verification code sent to an explicit email address (the vendor binding flows). */
  VERIFICATION_CODE;

  /** The kinds an account chooses email and SMS for (verification codes go where they are asked to). */
  public static Set<NotificationKind> accountChosen() {
    return EnumSet.of(QUOTA_ALERT, EXPIRY_REMINDER, SYSTEM, ORDER_PAID);
  }
}
