package io.resourceplans.domain.event;

import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.tx.Transactor;
import java.time.Clock;
import java.time.Instant;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Deletes account events recorded longer than the retention ago, in small transactions (no run
 * holds many row locks or a long transaction). Any number of replicas may run it at once: each
 * batch skips the rows another one is deleting. A stream behind the deleted events cannot resume
 * there (EVENT_CURSOR_EXPIRED); the account's sequence numbers go on from where they were.
 */
@Singleton
public final class AccountEventRetention {
  private final Transactor transactor;
  private final Clock clock;
  private final EventStreamSettings settings;

  @Inject
  public AccountEventRetention(Transactor transactor, Clock clock, EventStreamSettings settings) {
    this.transactor = transactor;
    this.clock = clock;
    this.settings = settings;
  }

  public EventStreamSettings settings() {
    return settings;
  }

  /** Deletes what is older than the retention now, up to the run's bound; returns how many. */
  public long runOnce() {
    Instant cutoff = Times.now(clock).minus(settings.retention());
    long deleted = 0;
    for (int batch = 0; batch < settings.maxBatchesPerRun(); batch++) {
      int n = transactor.inTransaction(
          tx -> tx.get(AccountEventRepository.class).deleteRecordedBefore(cutoff, settings.purgeBatchSize()));
      deleted += n;
      if (n < settings.purgeBatchSize()) {
        break;
      }
    }
    return deleted;
  }
}
