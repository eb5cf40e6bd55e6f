package io.resourceplans.domain.webhook;

/**
 * Told how every attempt of the {@link WebhookDispatcher} ended, for metrics. Called on the
 * dispatcher's thread: an implementation must be quick and must not throw.
 */
public interface WebhookDeliveryObserver {
  /** Observes nothing. */
  WebhookDeliveryObserver NONE = status -> {};

  /** An attempt ended DELIVERED, FAILED (for good), or PENDING (to be tried again). */
  void attempted(WebhookDeliveryStatus status);
}
