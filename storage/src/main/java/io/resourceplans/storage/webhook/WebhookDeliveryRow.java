package io.resourceplans.storage.webhook;

import io.resourceplans.domain.webhook.WebhookDelivery;
import io.resourceplans.domain.webhook.WebhookDeliveryStatus;
import io.resourceplans.domain.webhook.WebhookEventKind;
import java.time.Instant;
import java.util.Comparator;

/** A row of {@code webhook_deliveries}. */
public record WebhookDeliveryRow(
    String accountId,
    String deliveryId,
    String endpointId,
    String eventId,
    String eventKind,
    String payload,
    String status,
    int attempts,
    Instant nextAttemptTime,
    String lastError,
    Integer lastStatusCode,
    Instant createTime,
    Instant giveUpTime,
    Instant finishTime) {

  /** When the row is due: its next attempt, or its creation for the first. */
  Instant dueTime() {
    return nextAttemptTime != null ? nextAttemptTime : createTime;
  }

  /** The claim's order (oldest due first), which an UPDATE's RETURNING does not keep by itself. */
  static final Comparator<WebhookDeliveryRow> DUE_ORDER =
      Comparator.comparing(WebhookDeliveryRow::dueTime).thenComparing(WebhookDeliveryRow::deliveryId);

  WebhookDelivery toDomain() {
    return new WebhookDelivery(
        accountId, deliveryId, endpointId, eventId, WebhookEventKind.valueOf(eventKind), payload,
        WebhookDeliveryStatus.valueOf(status), attempts, nextAttemptTime, lastError,
        lastStatusCode == null ? 0 : lastStatusCode, createTime, giveUpTime, finishTime);
  }
}
