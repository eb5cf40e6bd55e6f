package io.resourceplans.storage.webhook;

import io.resourceplans.domain.common.Cursor;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.webhook.WebhookEndpoint;
import io.resourceplans.domain.webhook.WebhookEndpointRepository;
import io.resourceplans.domain.webhook.WebhookEventKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link WebhookEndpointRepository} over {@link WebhookEndpointDao}. */
public final class JdbiWebhookEndpointRepository implements WebhookEndpointRepository {
  private final WebhookEndpointDao dao;

  public JdbiWebhookEndpointRepository(WebhookEndpointDao dao) {
    this.dao = dao;
  }

  @Override
  public void insert(WebhookEndpoint endpoint) {
    dao.insert(WebhookEndpointRow.of(endpoint));
  }

  @Override
  public Optional<WebhookEndpoint> find(String accountId, String endpointId) {
    return dao.find(accountId, endpointId).map(WebhookEndpointRow::toDomain);
  }

  @Override
  public Optional<WebhookEndpoint> lockLive(String accountId, String endpointId) {
    return dao.lockLive(accountId, endpointId).map(WebhookEndpointRow::toDomain);
  }

  @Override
  public Page<WebhookEndpoint> list(String accountId, PageRequest page) {
    Cursor after = page.after().orElse(null);
    var rows =
        dao.list(accountId, after == null ? null : after.createTime(), after == null ? null : after.id(), page.size() + 1);
    return Page.fromOverfetch(
        rows.stream().map(WebhookEndpointRow::toDomain).toList(), page, e -> new Cursor(e.createTime(), e.endpointId()));
  }

  @Override
  public List<WebhookEndpoint> subscribed(String accountId, WebhookEventKind kind) {
    return dao.subscribed(accountId, kind.name()).stream().map(WebhookEndpointRow::toDomain).toList();
  }

  @Override
  public void updateSecrets(
      String accountId, String endpointId, String secret, String previousSecret, Instant previousSecretUntil,
      Instant now) {
    if (dao.updateSecrets(accountId, endpointId, secret, previousSecret, previousSecretUntil, now) != 1) {
      throw new IllegalStateException("webhook endpoint " + endpointId + " is not live");
    }
  }

  @Override
  public void markDeleted(String accountId, String endpointId, Instant now) {
    if (dao.markDeleted(accountId, endpointId, now) != 1) {
      throw new IllegalStateException("webhook endpoint " + endpointId + " is not live");
    }
  }
}
