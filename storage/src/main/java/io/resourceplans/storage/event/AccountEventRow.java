package io.resourceplans.storage.event;

import io.resourceplans.domain.event.AccountEvent;
import io.resourceplans.domain.webhook.WebhookEventKind;
import java.time.Instant;

/** A row of {@code account_events}; the kind is stored as its enum name. */
public record AccountEventRow(
    String accountId,
    long sequence,
    String eventId,
    String kind,
    String payload,
    Instant createTime,
    Instant recordTime) {

  AccountEvent toDomain() {
    return new AccountEvent(accountId, sequence, eventId, WebhookEventKind.valueOf(kind), payload, createTime, recordTime);
  }
}
