package io.resourceplans.domain.event;

import io.resourceplans.domain.webhook.WebhookEventKind;
import java.time.Instant;

/**
 * One event of an account's event log (docs/events.md): what webhooks send and WatchAccountEvents
 * streams. {@code sequence} numbers the account's events 1, 2, 3... in commit order without holes;
 * {@code payload} is the JSON body exactly as webhooks send it; {@code createTime} is when the cause
 * happened (the account's time, the body's createTime), {@code recordTime} the server's time of
 * writing (retention goes by it).
 */
public record AccountEvent(
    String accountId,
    long sequence,
    String eventId,
    WebhookEventKind kind,
    String payload,
    Instant createTime,
    Instant recordTime) {}
