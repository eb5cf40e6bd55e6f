package io.resourceplans.domain.idempotency;

import java.time.Instant;
import java.util.Optional;

/** Remembers the answer to each request ID, written in the same transaction as the change. */
public interface IdempotencyRepository {
  /**
   * A stored request: the content fingerprint and the answer given, or (RecordUsage) the usage
   * record that is the answer.
   */
  record Stored(byte[] fingerprint, byte[] response, String usageId) {}

  /**
   * Claims the key for this transaction. Returns false if it was already claimed; a concurrent
   * claim waits until the other transaction ends.
   */
  boolean claim(IdempotencyKey key, Instant now);

  /**
   * As {@link #claim}, for a RecordUsage whose answer is the usage record {@code usageId}: no
   * answer is stored later; a retry reads the record.
   */
  boolean claimUsage(IdempotencyKey key, Instant now, String usageId);

  Optional<Stored> find(String scope, String requestId);

  void complete(String scope, String requestId, byte[] response);
}
