package io.resourceplans.storage.notification;

import io.resourceplans.domain.notification.Language;
import io.resourceplans.domain.notification.NotificationKind;
import io.resourceplans.domain.notification.NotificationSettings;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A row of {@code notification_settings}; kinds are stored as their enum names, in declaration order. */
public record NotificationSettingsRow(
    String accountId, String language, String[] emailOff, String[] smsOff, Instant updateTime) {

  static NotificationSettingsRow of(NotificationSettings s) {
    return new NotificationSettingsRow(
        s.accountId(), s.language().name(), names(s.emailOff()), names(s.smsOff()), s.updateTime());
  }

  NotificationSettings toDomain() {
    return new NotificationSettings(accountId, Language.valueOf(language), kinds(emailOff), kinds(smsOff), updateTime);
  }

  private static String[] names(Set<NotificationKind> kinds) {
    return kinds.stream().sorted().map(Enum::name).toArray(String[]::new);
  }

  private static Set<NotificationKind> kinds(String[] names) {
    return Arrays.stream(names)
        .map(NotificationKind::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(NotificationKind.class)));
  }
}
