package io.resourceplans.storage.notification;

import io.resourceplans.domain.notification.NotificationOutbox;
import io.resourceplans.domain.notification.OutboxEntry;

/** {@link NotificationOutbox} over {@link OutboxDao}. */
public final class JdbiNotificationOutbox implements NotificationOutbox {
  private final OutboxDao dao;

  public JdbiNotificationOutbox(OutboxDao dao) {
    this.dao = dao;
  }

  @Override
  public boolean insertOnce(OutboxEntry entry) {
    return dao.insertOnce(OutboxRow.of(entry)) == 1;
  }
}
