package io.resourceplans.domain.webhook;

import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The accounts' webhook endpoints; every method is scoped by account. */
public interface WebhookEndpointRepository {
  void insert(WebhookEndpoint endpoint);

  /** The endpoint, deleted ones too; empty when the account has none with that ID. */
  Optional<WebhookEndpoint> find(String accountId, String endpointId);

  /** The endpoint, not deleted, locked until the transaction ends. */
  Optional<WebhookEndpoint> lockLive(String accountId, String endpointId);

  /** Live endpoints, oldest first (create time, then ID). */
  Page<WebhookEndpoint> list(String accountId, PageRequest page);

  /** Live endpoints subscribed to the kind. */
  List<WebhookEndpoint> subscribed(String accountId, WebhookEventKind kind);

  /** Replaces the secrets of a live endpoint. */
  void updateSecrets(
      String accountId, String endpointId, String secret, String previousSecret, Instant previousSecretUntil, Instant now);

  /** Marks a live endpoint deleted. */
  void markDeleted(String accountId, String endpointId, Instant now);
}
