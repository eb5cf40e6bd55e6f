package io.resourceplans.domain.quota;

import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.idempotency.IdempotencyKey;

/**
 * One record of {@link UsageService#recordAll}: what {@link UsageService#record} takes for one use.
 *
 * @param key the record's own request ID (scoped by the caller's account) and its fingerprint
 */
public record UsageRequest(IdempotencyKey key, String productId, Purpose purpose, long quantity, String regionId) {}
