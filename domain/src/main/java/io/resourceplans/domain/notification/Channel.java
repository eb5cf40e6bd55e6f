package io.resourceplans.domain.notification;

import java.util.EnumSet;
import java.util.Set;

/** How a notification reaches the account. Declaration order is the order notifications are written in. */
public enum Channel {
  EMAIL,
  SMS,
  INTERNAL_MESSAGE;

  /** Every channel, for "no channels chosen". */
  public static Set<Channel> all() {
    return EnumSet.allOf(Channel.class);
  }
}
