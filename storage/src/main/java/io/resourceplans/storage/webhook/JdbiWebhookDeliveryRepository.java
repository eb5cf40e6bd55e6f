package io.resourceplans.storage.webhook;

import io.resourceplans.domain.common.Cursor;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.webhook.WebhookDelivery;
import io.resourceplans.domain.webhook.WebhookDeliveryRepository;
import io.resourceplans.domain.webhook.WebhookDeliveryStatus;
import io.resourceplans.storage.db.DatabaseEngine;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link WebhookDeliveryRepository} over {@link WebhookDeliveryDao}. */
public final class JdbiWebhookDeliveryRepository implements WebhookDeliveryRepository {
  private final WebhookDeliveryDao dao;
  private final DatabaseEngine engine;

  public JdbiWebhookDeliveryRepository(WebhookDeliveryDao dao, DatabaseEngine engine) {
    this.dao = dao;
    this.engine = engine;
  }

  @Override
  public boolean insertOnce(WebhookDelivery d, String dedupeKey) {
    return dao.insertOnce(
            d.accountId(), d.deliveryId(), d.endpointId(), d.eventId(), d.eventKind().name(), d.payload(), dedupeKey,
            d.createTime(), d.giveUpTime())
        == 1;
  }

  @Override
  public List<WebhookDelivery> claim(String owner, Instant now, Instant leaseUntil, int limit) {
    List<WebhookDeliveryRow> claimed = engine == DatabaseEngine.CITUS
        ? dao.claimDistributed(owner, now, leaseUntil, limit)
        : dao.claim(owner, now, leaseUntil, limit);
    return claimed.stream().sorted(WebhookDeliveryRow.DUE_ORDER).map(WebhookDeliveryRow::toDomain).toList();
  }

  @Override
  public boolean finish(
      String accountId, String deliveryId, String owner, WebhookDeliveryStatus status, String error, int statusCode,
      Instant now) {
    if (status == WebhookDeliveryStatus.PENDING) {
      throw new IllegalArgumentException("finish needs a final status");
    }
    return dao.finish(accountId, deliveryId, owner, status.name(), error, code(statusCode), now) == 1;
  }

  @Override
  public boolean retryLater(
      String accountId, String deliveryId, String owner, Instant nextAttempt, String error, int statusCode) {
    return dao.retryLater(accountId, deliveryId, owner, nextAttempt, error, code(statusCode)) == 1;
  }

  @Override
  public boolean requeue(String accountId, String deliveryId, Instant now, Instant giveUpTime) {
    return dao.requeue(accountId, deliveryId, now, giveUpTime) == 1;
  }

  @Override
  public Optional<WebhookDelivery> find(String accountId, String deliveryId) {
    return dao.find(accountId, deliveryId).map(WebhookDeliveryRow::toDomain);
  }

  @Override
  public Page<WebhookDelivery> list(
      String accountId, String endpointId, WebhookDeliveryStatus status, PageRequest page) {
    Cursor before = page.after().orElse(null);
    var rows =
        dao.list(
            accountId, endpointId, status == null ? null : status.name(),
            before == null ? null : before.createTime(), before == null ? null : before.id(), page.size() + 1);
    return Page.fromOverfetch(
        rows.stream().map(WebhookDeliveryRow::toDomain).toList(), page, d -> new Cursor(d.createTime(), d.deliveryId()));
  }

  private static Integer code(int statusCode) {
    return statusCode == 0 ? null : statusCode;
  }
}
