package io.resourceplans.storage.notification;

import io.resourceplans.domain.notification.NotificationSettings;
import io.resourceplans.domain.notification.NotificationSettingsRepository;
import java.util.Optional;

/** {@link NotificationSettingsRepository} over {@link NotificationSettingsDao}. */
public final class JdbiNotificationSettingsRepository implements NotificationSettingsRepository {
  private final NotificationSettingsDao dao;

  public JdbiNotificationSettingsRepository(NotificationSettingsDao dao) {
    this.dao = dao;
  }

  @Override
  public Optional<NotificationSettings> find(String accountId) {
    return dao.find(accountId).map(NotificationSettingsRow::toDomain);
  }

  @Override
  public void upsert(NotificationSettings settings) {
    dao.upsert(NotificationSettingsRow.of(settings));
  }
}
