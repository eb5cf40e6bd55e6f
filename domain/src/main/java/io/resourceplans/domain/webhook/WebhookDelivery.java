package io.resourceplans.domain.webhook;

import java.time.Instant;

/**
 * One event for one endpoint. {@code payload} is the JSON body as sent; {@code createTime} when
 * the row was written (real time), {@code giveUpTime} after which a failed attempt is the last.
 * {@code lastStatusCode} is the endpoint's last HTTP status, 0 when it gave none (e.g. a timeout).
 */
public record WebhookDelivery(
    String accountId,
    String deliveryId,
    String endpointId,
    String eventId,
    WebhookEventKind eventKind,
    String payload,
    WebhookDeliveryStatus status,
    int attempts,
    Instant nextAttemptTime,
    String lastError,
    int lastStatusCode,
    Instant createTime,
    Instant giveUpTime,
    Instant finishTime) {}
