package io.resourceplans.domain.quota;

import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.idempotency.IdempotencyKey;

/**
 * One record of {@link UsageService#recordAll}: what {@link UsageService#record} takes for one use.
 *
 * @param key the record's own request ID (scoped by the caller's account) and its fingerprint
 * @param tag the campaign tag kept on the record; null when none
 */
public record UsageRequest(
    IdempotencyKey key, String productId, Purpose purpose, long quantity, String regionId, String tag) {
  /** A request without a campaign tag. */
  public UsageRequest(IdempotencyKey key, String productId, Purpose purpose, long quantity, String regionId) {
    this(key, productId, purpose, quantity, regionId, null);
  }
}
