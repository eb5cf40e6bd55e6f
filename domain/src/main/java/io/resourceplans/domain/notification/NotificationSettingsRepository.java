package io.resourceplans.domain.notification;

import java.util.Optional;

/** Notification settings, one row per account at most. */
public interface NotificationSettingsRepository {
  /** Empty when the account never changed them (then {@link NotificationSettings#defaults} apply). */
  Optional<NotificationSettings> find(String accountId);

  void upsert(NotificationSettings settings);
}
