package io.resourceplans.domain.webhook;

import io.resourceplans.domain.common.Ids;
import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.tx.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Writes webhook events in the caller's transaction, so they commit with their cause or not at all:
 * one delivery row per live endpoint of the account subscribed to the kind, each at most once per
 * {@code dedupeKey} (the cause's own key: an order's payment, a package's reminder at an offset).
 * The body is {@code {"id","kind","createTime","accountId","data"}} (docs/webhooks.md); one event
 * ID for all the endpoints. Rows are due at once in real time, whatever the account's clock says.
 */
@Singleton
public final class WebhookEvents {
  private final Clock clock;
  private final WebhookSettings settings;

  @Inject
  public WebhookEvents(Clock clock, WebhookSettings settings) {
    this.clock = clock;
    this.settings = settings;
  }

  /**
   * Queues the event for the account's subscribed endpoints; {@code occurredAt} is the account's
   * time of the cause. Returns the deliveries written (0 without a subscribed endpoint).
   */
  public int emit(
      Tx tx, String accountId, WebhookEventKind kind, String dedupeKey, Instant occurredAt, Map<String, ?> data) {
    var endpoints = tx.get(WebhookEndpointRepository.class).subscribed(accountId, kind);
    if (endpoints.isEmpty()) {
      return 0;
    }
    String eventId = Ids.newId("evt");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", eventId);
    body.put("kind", kind.wireName());
    body.put("createTime", occurredAt.toString());
    body.put("accountId", accountId);
    body.put("data", data);
    String payload = WebhookJson.write(body);
    Instant now = Times.now(clock);
    int written = 0;
    for (WebhookEndpoint endpoint : endpoints) {
      WebhookDelivery delivery =
          new WebhookDelivery(
              accountId, Ids.newId("whd"), endpoint.endpointId(), eventId, kind, payload,
              WebhookDeliveryStatus.PENDING, 0, null, null, 0, now, now.plus(settings.retryFor()), null);
      if (tx.get(WebhookDeliveryRepository.class).insertOnce(delivery, dedupeKey)) {
        written++;
      }
    }
    return written;
  }
}
