package io.resourceplans.domain.webhook;

import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.common.Ids;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.error.FieldViolation;
import io.resourceplans.domain.tx.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * An account's webhook endpoints and their deliveries, for the account's main key only (the
 * endpoints' secrets sign what the service says about the account). Another account's endpoint or
 * delivery is not found, like a missing one.
 */
@Singleton
public final class WebhookService {
  /** How long a replaced secret still signs deliveries when the caller does not say. */
  public static final Duration DEFAULT_OVERLAP = Duration.ofHours(24);
  /** The longest overlap a rotation may ask for. */
  public static final Duration MAX_OVERLAP = Duration.ofDays(7);

  private final Clock clock;
  private final WebhookSettings settings;
  private final WebhookUrlPolicy urls;

  @Inject
  public WebhookService(Clock clock, WebhookSettings settings) {
    this.clock = clock;
    this.settings = settings;
    this.urls = new WebhookUrlPolicy(settings.allowPrivateUrls());
  }

  /** Registers an endpoint with a new secret, returned here once. */
  public IssuedWebhookEndpoint create(
      Tx tx, Principal caller, String url, Set<WebhookEventKind> kinds, String description) {
    String accountId = caller.requireMainAccount();
    urls.refusal(url).ifPresent(why -> {
      throw new DomainException(
          ErrorCode.WEBHOOK_URL_NOT_ALLOWED, "url " + why, Map.of(), List.of(new FieldViolation("url", why)));
    });
    if (kinds.isEmpty()) {
      throw DomainException.invalid("event_kinds", "must name at least one event kind");
    }
    Instant now = Times.now(clock);
    String secret = WebhookSigner.newSecret();
    WebhookEndpoint endpoint =
        new WebhookEndpoint(accountId, Ids.newId("whe"), url, kinds, description, secret, null, null, now, now, null);
    tx.get(WebhookEndpointRepository.class).insert(endpoint);
    return new IssuedWebhookEndpoint(endpoint, secret);
  }

  /** A live endpoint of the caller's account. */
  public WebhookEndpoint get(Tx tx, Principal caller, String endpointId) {
    String accountId = caller.requireMainAccount();
    return tx.get(WebhookEndpointRepository.class).find(accountId, endpointId)
        .filter(e -> !e.deleted())
        .orElseThrow(() -> notFound(endpointId));
  }

  /** Live endpoints, oldest first. */
  public Page<WebhookEndpoint> list(Tx tx, Principal caller, PageRequest page) {
    String accountId = caller.requireMainAccount();
    return tx.get(WebhookEndpointRepository.class).list(accountId, page);
  }

  /**
   * Deletes an endpoint: no new deliveries; its pending ones end FAILED at their next attempt and
   * its deliveries stay listable. Deleting a deleted endpoint is NOT_FOUND.
   */
  public WebhookEndpoint delete(Tx tx, Principal caller, String endpointId) {
    String accountId = caller.requireMainAccount();
    WebhookEndpointRepository repo = tx.get(WebhookEndpointRepository.class);
    repo.lockLive(accountId, endpointId).orElseThrow(() -> notFound(endpointId));
    repo.markDeleted(accountId, endpointId, Times.now(clock));
    return repo.find(accountId, endpointId).orElseThrow();
  }

  /**
   * Gives the endpoint a new secret, returned here once; the replaced one keeps signing beside it
   * for {@code overlap} (null = {@link #DEFAULT_OVERLAP}; zero = not at all). A secret replaced
   * earlier and still in its overlap stops signing now.
   */
  public IssuedWebhookEndpoint rotateSecret(Tx tx, Principal caller, String endpointId, Duration overlap) {
    String accountId = caller.requireMainAccount();
    Duration keep = overlap == null ? DEFAULT_OVERLAP : overlap;
    if (keep.isNegative() || keep.compareTo(MAX_OVERLAP) > 0) {
      throw DomainException.invalid("overlap", "must be between 0 and 7 days");
    }
    WebhookEndpointRepository repo = tx.get(WebhookEndpointRepository.class);
    WebhookEndpoint endpoint = repo.lockLive(accountId, endpointId).orElseThrow(() -> notFound(endpointId));
    Instant now = Times.now(clock);
    String secret = WebhookSigner.newSecret();
    boolean overlapping = !keep.isZero();
    repo.updateSecrets(
        accountId, endpointId, secret, overlapping ? endpoint.secret() : null, overlapping ? now.plus(keep) : null, now);
    return new IssuedWebhookEndpoint(repo.find(accountId, endpointId).orElseThrow(), secret);
  }

  /** Deliveries newest first, of one endpoint (deleted ones too) or all, of one status or all. */
  public Page<WebhookDelivery> listDeliveries(
      Tx tx, Principal caller, String endpointId, WebhookDeliveryStatus status, PageRequest page) {
    String accountId = caller.requireMainAccount();
    if (endpointId != null && tx.get(WebhookEndpointRepository.class).find(accountId, endpointId).isEmpty()) {
      throw notFound(endpointId);
    }
    return tx.get(WebhookDeliveryRepository.class).list(accountId, endpointId, status, page);
  }

  /**
   * Sends a delivery again (replay), whatever its status: PENDING and due now, attempts from 0,
   * retried as a new event would be; the same event ID and body. One being sent at that moment is
   * due when that attempt's lease ends instead, so it is never sent twice at once. Its endpoint
   * must not be deleted.
   */
  public WebhookDelivery retryDelivery(Tx tx, Principal caller, String deliveryId) {
    String accountId = caller.requireMainAccount();
    WebhookDeliveryRepository deliveries = tx.get(WebhookDeliveryRepository.class);
    WebhookDelivery delivery =
        deliveries.find(accountId, deliveryId)
            .orElseThrow(() -> DomainException.notFound(ErrorCode.WEBHOOK_DELIVERY_NOT_FOUND, "webhook delivery", deliveryId));
    tx.get(WebhookEndpointRepository.class).lockLive(accountId, delivery.endpointId())
        .orElseThrow(() -> notFound(delivery.endpointId()));
    Instant now = Times.now(clock);
    deliveries.requeue(accountId, deliveryId, now, now.plus(settings.retryFor()));
    return deliveries.find(accountId, deliveryId).orElseThrow();
  }

  private static DomainException notFound(String endpointId) {
    return DomainException.notFound(ErrorCode.WEBHOOK_ENDPOINT_NOT_FOUND, "webhook endpoint", endpointId);
  }
}
