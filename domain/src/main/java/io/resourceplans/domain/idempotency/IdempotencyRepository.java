package io.resourceplans.domain.idempotency;

import java.time.Instant;
import java.util.Optional;

/**
 * Remembers the answer to each request ID, written in the same transaction as the change, for at
 * least the retention ({@link IdempotencyPurge}). RecordUsage keeps no record here: its usage record
 * is its idempotency record ({@link io.resourceplans.domain.quota.UsageRepository}).
 */
public interface IdempotencyRepository {
  /** A stored request: the content fingerprint and the answer given. */
  record Stored(byte[] fingerprint, byte[] response) {}

  /**
   * Claims the key for this transaction. Returns false if it was already claimed (a concurrent claim
   * is waited for until the other transaction ends), or if a usage record of the account holds the
   * request ID.
   */
  boolean claim(IdempotencyKey key, Instant now);

  Optional<Stored> find(String scope, String requestId);

  void complete(String scope, String requestId, byte[] response);

  /**
   * Deletes at most {@code limit} records created before {@code cutoff}, oldest first, and returns
   * how many. Records another transaction is deleting or holding are left for a later call.
   */
  int deleteCreatedBefore(Instant cutoff, int limit);
}
