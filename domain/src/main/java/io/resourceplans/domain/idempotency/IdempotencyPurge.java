package io.resourceplans.domain.idempotency;

import javax.inject.Inject;
import javax.inject.Singleton;
import io.resourceplans.domain.tx.Transactor;
import java.time.Clock;
import java.time.Instant;

/**
 * Deletes idempotency records older than the retention, in small transactions so that no run holds
 * many row locks or a long transaction. Any number of server replicas may run it at once: each
 * batch skips the rows another one is deleting. After the purge a retry of that request ID is a
 * new request; RecordUsage keeps no record here (its usage record answers its retries at any age).
 */
@Singleton
public final class IdempotencyPurge {
  private final Transactor transactor;
  private final Clock clock;
  private final IdempotencyPurgeSettings settings;

  @Inject
  public IdempotencyPurge(Transactor transactor, Clock clock, IdempotencyPurgeSettings settings) {
    this.transactor = transactor;
    this.clock = clock;
    this.settings = settings;
  }

  /** Deletes what is older than the retention now, up to the run's bound; returns how many. */
  public long runOnce() {
    Instant cutoff = clock.instant().minus(settings.retention());
    long deleted = 0;
    for (int batch = 0; batch < settings.maxBatchesPerRun(); batch++) {
      int n = transactor.inTransaction(tx -> tx.get(IdempotencyRepository.class).deleteCreatedBefore(cutoff, settings.batchSize()));
      deleted += n;
      if (n < settings.batchSize()) {
        break;
      }
    }
    return deleted;
  }
}
