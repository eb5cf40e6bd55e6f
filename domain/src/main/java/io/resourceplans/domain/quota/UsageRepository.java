package io.resourceplans.domain.quota;

import java.util.Optional;

/**
 * Recorded usage, append-only, scoped by account. A usage record is also its request's idempotency
 * record: an account has at most one record per request ID, kept with the fingerprint of the
 * request's content.
 */
public interface UsageRepository {
  /** A record as stored, with the fingerprint of the request that made it. */
  record Recorded(UsageRecord record, byte[] requestFingerprint) {}

  /**
   * Appends the record. When the account already has a record with its request ID (a concurrent
   * duplicate committed first), the transaction fails with {@link RequestAlreadyRecorded}, possibly
   * only when it commits.
   */
  void insert(UsageRecord record, byte[] requestFingerprint);

  Optional<Recorded> find(String accountId, String requestId);
}
