package io.resourceplans.storage.notification;

import io.resourceplans.domain.common.Cursor;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.notification.Delivery;
import io.resourceplans.domain.notification.DeliveryStatus;
import io.resourceplans.domain.notification.NotificationOutbox;
import io.resourceplans.domain.notification.OutboxBacklog;
import io.resourceplans.domain.notification.OutboxEntry;
import io.resourceplans.storage.db.DatabaseEngine;
import java.time.Instant;
import java.util.List;

/** {@link NotificationOutbox} over {@link OutboxDao}. */
public final class JdbiNotificationOutbox implements NotificationOutbox {
  private final OutboxDao dao;
  private final DatabaseEngine engine;

  public JdbiNotificationOutbox(OutboxDao dao, DatabaseEngine engine) {
    this.dao = dao;
    this.engine = engine;
  }

  @Override
  public boolean insertOnce(OutboxEntry entry) {
    return dao.insertOnce(OutboxRow.of(entry)) == 1;
  }

  @Override
  public List<Delivery> claim(String owner, Instant now, Instant leaseUntil, int limit) {
    List<DeliveryRow> claimed = engine == DatabaseEngine.CITUS
        ? dao.claimDistributed(owner, now, leaseUntil, limit)
        : dao.claim(owner, now, leaseUntil, limit);
    return claimed.stream().sorted(DeliveryRow.DUE_ORDER).map(DeliveryRow::toDomain).toList();
  }

  @Override
  public boolean finish(
      String accountId, String notificationId, String owner, DeliveryStatus status, String error, Instant now) {
    if (status == DeliveryStatus.PENDING) {
      throw new IllegalArgumentException("finish needs a final status");
    }
    return dao.finish(accountId, notificationId, owner, status.name(), error, now) == 1;
  }

  @Override
  public boolean retryLater(String accountId, String notificationId, String owner, Instant nextAttempt, String error) {
    return dao.retryLater(accountId, notificationId, owner, nextAttempt, error) == 1;
  }

  @Override
  public boolean requeue(String accountId, String notificationId, Instant now) {
    return dao.requeue(accountId, notificationId, now) == 1;
  }

  @Override
  public Delivery find(String accountId, String notificationId) {
    return dao.find(accountId, notificationId).map(DeliveryRow::toDomain).orElse(null);
  }

  @Override
  public Page<Delivery> list(String accountId, DeliveryStatus status, PageRequest page) {
    Cursor before = page.after().orElse(null);
    var rows =
        dao.list(
            accountId,
            status == null ? null : status.name(),
            before == null ? null : before.createTime(),
            before == null ? null : before.id(),
            page.size() + 1);
    return Page.fromOverfetch(
        rows.stream().map(DeliveryRow::toDomain).toList(), page, d -> new Cursor(d.createTime(), d.notificationId()));
  }

  @Override
  public List<OutboxBacklog> backlog() {
    return dao.backlog().stream().map(BacklogRow::toDomain).toList();
  }
}
