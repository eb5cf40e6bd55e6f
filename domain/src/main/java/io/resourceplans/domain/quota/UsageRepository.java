package io.resourceplans.domain.quota;

import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import java.time.Instant;
import java.util.Optional;

/**
 * Recorded usage, append-only, scoped by account. A usage record is also its request's idempotency
 * record: an account's request ID names at most one, and it keeps the request's fingerprint.
 */
public interface UsageRepository {
  /** A usage record and the fingerprint of the request that wrote it. */
  record Requested(byte[] fingerprint, UsageRecord record) {
    public Requested {
      fingerprint = fingerprint.clone();
    }

    @Override
    public byte[] fingerprint() {
      return fingerprint.clone();
    }
  }

  /**
   * Inserts the record of a request with this fingerprint, unless the account's request ID is taken:
   * by a usage record (an uncommitted one is waited for), or by another mutation of the account
   * ({@link io.resourceplans.domain.idempotency.IdempotencyRepository}). Returns false, having
   * written nothing, when it is taken.
   */
  boolean insertUnlessRequested(UsageRecord record, byte[] fingerprint);

  /**
   * Inserts a capture's record (CaptureUsage, which holds the request ID's idempotency record
   * itself), unless a usage record has the request ID. Returns false, having written nothing, then.
   */
  boolean insertCaptured(UsageRecord record, byte[] fingerprint);

  /** The usage record the account's request ID wrote, if any. */
  Optional<Requested> findByRequest(String accountId, String requestId);

  /**
   * Filters of a usage listing, combined; null fields match everything.
   *
   * @param startTime records at or after it
   * @param endTime records before it
   * @param packageId records that drew from this package
   * @param requestIdPrefix records whose request ID starts with it
   * @param tag records with exactly this campaign tag
   */
  record Filter(
      Instant startTime, Instant endTime, String productId, Purpose purpose, String packageId,
      String requestIdPrefix, String tag) {
    /** Every record of the account. */
    public static final Filter ALL = new Filter(null, null, null, null, null, null, null);

    /** The records that drew from one package. */
    public static Filter ofPackage(String packageId) {
      return new Filter(null, null, null, null, packageId, null, null);
    }
  }

  /** The account's usage records, newest first (record time, then usage ID, descending). */
  Page<UsageRecord> list(String accountId, Filter filter, PageRequest page);
}
