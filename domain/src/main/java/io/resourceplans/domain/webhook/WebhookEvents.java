package io.resourceplans.domain.webhook;

import io.resourceplans.domain.common.Ids;
import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.event.AccountEvent;
import io.resourceplans.domain.event.AccountEventRepository;
import io.resourceplans.domain.tx.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The one place an event about an account is written, in the caller's transaction, so it commits
 * with its cause or not at all: always one row of the account's event log (V24, {@link
 * AccountEventRepository#append}: the account's next sequence number, what WatchAccountEvents
 * streams), and one webhook delivery row per live endpoint of the account subscribed to the kind,
 * carrying the same event ID and body. Both at most once per {@code dedupeKey} (the cause's own key:
 * an order's payment, a package's reminder at an offset): a repeated cause finds its event and
 * reuses its ID and body. The body is {@code {"id","kind","createTime","accountId","data"}}
 * (docs/webhooks.md). Deliveries are due at once in real time, whatever the account's clock says.
 * A new event kind needs only its {@link WebhookEventKind} constant and a call here.
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
   * Records the event and queues it for the account's subscribed endpoints; {@code occurredAt} is
   * the account's time of the cause. Returns the deliveries written (0 without a subscribed
   * endpoint, or when the dedupe key was used before).
   */
  public int emit(
      Tx tx, String accountId, WebhookEventKind kind, String dedupeKey, Instant occurredAt, Map<String, ?> data) {
    String eventId = Ids.newId("evt");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", eventId);
    body.put("kind", kind.wireName());
    body.put("createTime", occurredAt.toString());
    body.put("accountId", accountId);
    body.put("data", data);
    Instant now = Times.now(clock);
    // The event first: it takes the account's event counter lock, which orders concurrent writers.
    AccountEvent event =
        tx.get(AccountEventRepository.class)
            .append(accountId, eventId, kind, dedupeKey, WebhookJson.write(body), occurredAt, now);
    var endpoints = tx.get(WebhookEndpointRepository.class).subscribed(accountId, kind);
    int written = 0;
    for (WebhookEndpoint endpoint : endpoints) {
      WebhookDelivery delivery =
          new WebhookDelivery(
              accountId, Ids.newId("whd"), endpoint.endpointId(), event.eventId(), kind, event.payload(),
              WebhookDeliveryStatus.PENDING, 0, null, null, 0, now, now.plus(settings.retryFor()), null);
      if (tx.get(WebhookDeliveryRepository.class).insertOnce(delivery, dedupeKey)) {
        written++;
      }
    }
    return written;
  }
}
