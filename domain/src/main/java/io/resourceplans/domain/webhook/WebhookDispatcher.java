package io.resourceplans.domain.webhook;

import io.resourceplans.domain.common.Ids;
import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.tx.Transactor;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers webhook deliveries as the notification dispatcher delivers the outbox: a pass claims due
 * rows in a short transaction (FOR UPDATE SKIP LOCKED, then a lease with a unique owner), sends them
 * with no transaction open, and records each outcome in its own short transaction while the lease
 * is still its own. So replicas never send a row twice while leases hold, and a crashed claimer's
 * rows are claimed again once their lease runs out.
 *
 * <p>Each attempt is signed afresh (its own timestamp; one {@code v1} per secret the endpoint signs
 * with at that moment). A 2xx answer is DELIVERED; anything else is a failed attempt, retried with
 * exponential backoff and jitter until the delivery's give-up time (at least 3 days after the
 * event): the attempt at or after it is the last, and its failure is FAILED. A delivery of a
 * deleted endpoint ends FAILED without an attempt. Secrets and bodies are never logged.
 */
public final class WebhookDispatcher {
  private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
  private static final int MAX_ERROR_LENGTH = 1000;
  public static final String ENDPOINT_DELETED = "endpoint deleted";

  /** What one pass did. */
  public record Pass(int delivered, int retried, int failed) {
    public int total() {
      return delivered + retried + failed;
    }
  }

  private final Transactor transactor;
  private final Clock clock;
  private final WebhookSettings settings;
  private final WebhookSender sender;
  private final DoubleSupplier jitter;
  private final String name;
  private final WebhookDeliveryObserver observer;

  public WebhookDispatcher(
      Transactor transactor, Clock clock, WebhookSettings settings, WebhookSender sender, DoubleSupplier jitter) {
    this(transactor, clock, settings, sender, jitter, WebhookDeliveryObserver.NONE);
  }

  /** As above, telling {@code observer} how each attempt ended (metrics). */
  public WebhookDispatcher(
      Transactor transactor, Clock clock, WebhookSettings settings, WebhookSender sender, DoubleSupplier jitter,
      WebhookDeliveryObserver observer) {
    this.observer = observer;
    this.transactor = transactor;
    this.clock = clock;
    this.settings = settings;
    this.sender = sender;
    this.jitter = jitter;
    this.name = Ids.newId("whk");
  }

  public WebhookSettings settings() {
    return settings;
  }

  /** Claims and sends batches until nothing is due. */
  public Pass runOnce() {
    int delivered = 0;
    int retried = 0;
    int failed = 0;
    while (true) {
      String owner = name + ":" + Ids.newId("c");
      Instant now = Times.now(clock);
      List<WebhookDelivery> batch =
          transactor.inTransaction(
              tx -> tx.get(WebhookDeliveryRepository.class).claim(owner, now, now.plus(settings.lease()), settings.batchSize()));
      for (WebhookDelivery d : batch) {
        WebhookDeliveryStatus outcome = deliver(d, owner);
        observer.attempted(outcome);
        switch (outcome) {
          case DELIVERED -> delivered++;
          case FAILED -> failed++;
          case PENDING -> retried++;
        }
      }
      if (batch.size() < settings.batchSize()) {
        return new Pass(delivered, retried, failed);
      }
    }
  }

  private WebhookDeliveryStatus deliver(WebhookDelivery d, String owner) {
    Optional<WebhookEndpoint> endpoint =
        transactor.inTransaction(tx -> tx.get(WebhookEndpointRepository.class).find(d.accountId(), d.endpointId()));
    if (endpoint.isEmpty() || endpoint.get().deleted()) {
      return finish(d, owner, WebhookDeliveryStatus.FAILED, ENDPOINT_DELETED, 0);
    }
    Instant now = Times.now(clock);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put(WebhookSigner.HEADER, WebhookSigner.header(now.getEpochSecond(), endpoint.get().signingSecrets(now), d.payload()));
    headers.put("Resource-Plans-Event-Id", d.eventId());
    headers.put("Resource-Plans-Event-Kind", d.eventKind().wireName());
    headers.put("Resource-Plans-Delivery-Id", d.deliveryId());
    String error;
    int statusCode = 0;
    try {
      WebhookSender.Response response = sender.post(endpoint.get().url(), headers, d.payload());
      if (response.ok()) {
        return finish(d, owner, WebhookDeliveryStatus.DELIVERED, null, response.statusCode());
      }
      statusCode = response.statusCode();
      error = "HTTP " + statusCode;
    } catch (WebhookSender.SendFailure e) {
      error = truncate(e.getMessage());
    } catch (RuntimeException e) {
      // A bug in the sender: a failed attempt rather than a stopped pass.
      log.error("webhook delivery {}: sender failed unexpectedly", d.deliveryId(), e);
      error = "unexpected error: " + e.getClass().getSimpleName();
    }
    Instant after = Times.now(clock);
    if (!after.isBefore(d.giveUpTime())) {
      log.warn("webhook delivery {} (endpoint {}, account {}) failed after {} attempt(s): {}",
          d.deliveryId(), d.endpointId(), d.accountId(), d.attempts(), error);
      return finish(d, owner, WebhookDeliveryStatus.FAILED, error, statusCode);
    }
    Instant next = after.plus(settings.backoff(d.attempts(), jitter.getAsDouble()));
    if (next.isAfter(d.giveUpTime())) {
      next = d.giveUpTime();
    }
    Instant due = next;
    String lastError = error;
    int lastStatus = statusCode;
    boolean mine =
        transactor.inTransaction(
            tx -> tx.get(WebhookDeliveryRepository.class)
                .retryLater(d.accountId(), d.deliveryId(), owner, due, lastError, lastStatus));
    if (!mine) {
      log.warn("webhook delivery {}: lease lost before recording a failed attempt", d.deliveryId());
    }
    return WebhookDeliveryStatus.PENDING;
  }

  private WebhookDeliveryStatus finish(
      WebhookDelivery d, String owner, WebhookDeliveryStatus status, String error, int statusCode) {
    Instant now = Times.now(clock);
    boolean mine =
        transactor.inTransaction(
            tx -> tx.get(WebhookDeliveryRepository.class)
                .finish(d.accountId(), d.deliveryId(), owner, status, error, statusCode, now));
    if (!mine) {
      log.warn("webhook delivery {}: lease lost before recording {}", d.deliveryId(), status);
    }
    return status;
  }

  private static String truncate(String s) {
    if (s == null) {
      return "unknown error";
    }
    return s.length() <= MAX_ERROR_LENGTH ? s : s.substring(0, MAX_ERROR_LENGTH);
  }
}
