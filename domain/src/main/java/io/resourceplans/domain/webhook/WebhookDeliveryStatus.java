package io.resourceplans.domain.webhook;

/** Where a webhook delivery stands (docs/webhooks.md). */
public enum WebhookDeliveryStatus {
  /** Waiting for its first or next attempt. */
  PENDING,
  /** The endpoint answered 2xx. */
  DELIVERED,
  /** Every attempt failed until the give-up time, or the endpoint was deleted. */
  FAILED
}
