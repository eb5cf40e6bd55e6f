package io.resourceplans.domain.idempotency;

import javax.inject.Inject;
import javax.inject.Singleton;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.error.FieldViolation;
import io.resourceplans.domain.tx.Tx;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a mutation at most once per request ID. Must be called inside the mutation's transaction:
 * the claim, the change and the stored answer commit together or not at all, so a retry after a
 * crash either sees the answer or runs the change afresh. A failed mutation rolls back its claim,
 * so a retry of a refused request is evaluated again. After the retention ({@link IdempotencyPurge})
 * the record is gone and a retry is a new request.
 */
@Singleton
public final class IdempotentExecutor {
  private final Clock clock;

  @Inject
  public IdempotentExecutor(Clock clock) {
    this.clock = clock;
  }

  /**
   * @param toStored how the answer is kept (a secret in it may be left out here)
   * @param fromStored how a kept answer is given back to a retry
   */
  public <T> T execute(
      Tx tx,
      IdempotencyKey key,
      Supplier<T> mutation,
      Function<T, byte[]> toStored,
      Function<byte[], T> fromStored) {
    IdempotencyRepository records = tx.get(IdempotencyRepository.class);
    if (records.claim(key, clock.instant())) {
      T answer = mutation.get();
      records.complete(key.scope(), key.requestId(), toStored.apply(answer));
      return answer;
    }
    // No record: a RecordUsage of the account holds the request ID (its usage record).
    IdempotencyRepository.Stored stored = records.find(key.scope(), key.requestId()).orElse(null);
    if (stored == null || stored.response() == null || !Arrays.equals(stored.fingerprint(), key.fingerprint())) {
      throw reused(key);
    }
    return fromStored.apply(stored.response());
  }

  /** The request ID was used before for a request with other content. */
  public static DomainException reused(IdempotencyKey key) {
    return new DomainException(
        ErrorCode.IDEMPOTENCY_KEY_REUSED,
        "request_id " + key.requestId() + " was already used for a different request",
        Map.of("request_id", key.requestId()),
        List.of(new FieldViolation("request_id", "already used for a different request")));
  }
}
