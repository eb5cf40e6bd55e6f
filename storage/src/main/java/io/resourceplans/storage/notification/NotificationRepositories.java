package io.resourceplans.storage.notification;

import io.resourceplans.domain.notification.DeliveryAttemptRepository;
import io.resourceplans.domain.notification.ExpiryReminderRepository;
import io.resourceplans.domain.notification.InternalMessageRepository;
import io.resourceplans.domain.notification.NotificationOutbox;
import io.resourceplans.domain.notification.NotificationSettingsRepository;
import io.resourceplans.storage.db.FeatureRepositories;

/** The notification feature's repositories (see {@link FeatureRepositories}). */
public final class NotificationRepositories implements FeatureRepositories {
  @Override
  public void register(Registry registry) {
    registry.add(InternalMessageRepository.class, c -> new JdbiInternalMessageRepository(c.dao(InternalMessageDao.class)));
    registry.add(NotificationOutbox.class, c -> new JdbiNotificationOutbox(c.dao(OutboxDao.class), c.engine()));
    registry.add(ExpiryReminderRepository.class, c -> new JdbiExpiryReminderRepository(c.dao(ExpiryReminderDao.class)));
    registry.add(NotificationSettingsRepository.class, c -> new JdbiNotificationSettingsRepository(c.dao(NotificationSettingsDao.class)));
    registry.add(DeliveryAttemptRepository.class, c -> new JdbiDeliveryAttemptRepository(c.dao(DeliveryAttemptDao.class)));
  }
}
