package io.resourceplans.domain.notification;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * An account's notification choices: the language, and the kinds whose email or SMS it turned off.
 * Internal messages are always kept. An account that never chose has {@link #defaults}: English,
 * email and SMS on for every kind.
 */
public record NotificationSettings(
    String accountId, Language language, Set<NotificationKind> emailOff, Set<NotificationKind> smsOff, Instant updateTime) {

  public NotificationSettings {
    emailOff = copy(emailOff);
    smsOff = copy(smsOff);
    if (!NotificationKind.accountChosen().containsAll(emailOff) || !NotificationKind.accountChosen().containsAll(smsOff)) {
      throw new IllegalArgumentException("only " + NotificationKind.accountChosen() + " can be turned off");
    }
  }

  public static NotificationSettings defaults(String accountId) {
    return new NotificationSettings(accountId, Language.EN, Set.of(), Set.of(), null);
  }

  /** Whether notifications of the kind go out on the channel (internal messages always do). */
  public boolean allows(NotificationKind kind, Channel channel) {
    return switch (channel) {
      case EMAIL -> !emailOff.contains(kind);
      case SMS -> !smsOff.contains(kind);
      case INTERNAL_MESSAGE -> true;
    };
  }

  private static Set<NotificationKind> copy(Set<NotificationKind> kinds) {
    return kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
  }
}
