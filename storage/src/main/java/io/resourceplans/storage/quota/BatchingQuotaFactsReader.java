package io.resourceplans.storage.quota;

import io.resourceplans.domain.quota.QuotaFacts;
import io.resourceplans.domain.quota.QuotaFactsReader;
import io.resourceplans.storage.db.Sql;
import io.resourceplans.storage.db.SqlFailures;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link QuotaFactsReader} that answers CheckQuota requests arriving together with one statement
 * ({@link SqlQuotaFactsReader#readAll}: one pooled connection, one round trip). Nothing waits to
 * fill a batch: a caller that finds fewer than {@code maxInFlight} batches running sends at once
 * whatever is queued, its own request included; the others queue meanwhile and go with the next
 * batch. So a lone request is one call, as before, and under load many share one. A read takes no
 * locks, so unlike {@link BatchingCoveredUsageRecorder} any requests may share a batch, in any
 * order; each is answered as if read alone (rp_quota_facts_many calls rp_quota_facts per item).
 *
 * <p>A batch that fails as a whole for anything but an unreachable database is read again request
 * by request, so one request cannot fail the others; an unreachable database answers each caller
 * DATABASE_UNAVAILABLE.
 */
public final class BatchingQuotaFactsReader implements QuotaFactsReader {
  private static final Logger log = LoggerFactory.getLogger(BatchingQuotaFactsReader.class);

  /**
   * Batches running at once, each on one pooled connection (the rest of the pool stays free for
   * other calls). Reads wait for no lock, so unlike the covered-usage batches more in flight do not
   * queue behind each other; on the benchmark's check-quota scenario 4 did a little better than 2
   * (docs/benchmark.md, issue 18).
   */
  public static final int DEFAULT_BATCHES_IN_FLIGHT = 4;

  /** Requests in one batch at most. */
  public static final int DEFAULT_BATCH_SIZE = 64;

  private static final class Waiting {
    final Request request;
    final Condition turn;
    QuotaFacts answer;
    RuntimeException failure;
    /** In a batch that runs: its caller waits for the answer, and leads no batch. */
    boolean sent;
    boolean done;

    Waiting(Request request, Condition turn) {
      this.request = request;
      this.turn = turn;
    }
  }

  private final SqlQuotaFactsReader sql;
  private final int maxInFlight;
  private final int maxBatch;
  private final IntConsumer batchSizes;
  private final ReentrantLock lock = new ReentrantLock();
  private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
  private int inFlight;

  /** With the defaults above. */
  public static BatchingQuotaFactsReader withDefaults(SqlQuotaFactsReader sql) {
    return new BatchingQuotaFactsReader(sql, DEFAULT_BATCHES_IN_FLIGHT, DEFAULT_BATCH_SIZE, size -> {});
  }

  /**
   * @param maxInFlight batches running at once (each holds a pooled connection while it runs)
   * @param maxBatch requests in one batch at most
   * @param batchSizes told each batch's size as it is sent (tests, metrics)
   */
  public BatchingQuotaFactsReader(SqlQuotaFactsReader sql, int maxInFlight, int maxBatch, IntConsumer batchSizes) {
    if (maxInFlight < 1 || maxBatch < 1) {
      throw new IllegalArgumentException("need 1 <= maxInFlight, 1 <= maxBatch");
    }
    this.sql = sql;
    this.maxInFlight = maxInFlight;
    this.maxBatch = maxBatch;
    this.batchSizes = batchSizes;
  }

  @Override
  public QuotaFacts read(Request request) {
    Waiting me = new Waiting(request, lock.newCondition());
    lock.lock();
    try {
      queue.add(me);
    } finally {
      lock.unlock();
    }
    while (true) {
      List<Waiting> batch;
      lock.lock();
      try {
        while (!me.done && (me.sent || !mayStartBatch())) {
          me.turn.awaitUninterruptibly();
        }
        if (me.done) {
          if (me.failure != null) {
            throw me.failure;
          }
          return me.answer;
        }
        // A slot is free and this caller's request is still queued: it sends the oldest ones.
        batch = new ArrayList<>(Math.min(queue.size(), maxBatch));
        while (!queue.isEmpty() && batch.size() < maxBatch) {
          Waiting w = queue.poll();
          w.sent = true;
          batch.add(w);
        }
        inFlight++;
        signalNextLeader();
      } finally {
        lock.unlock();
      }
      run(batch);
    }
  }

  private void run(List<Waiting> batch) {
    try {
      batchSizes.accept(batch.size());
      List<QuotaFacts> answers;
      try {
        answers = sql.readAll(batch.stream().map(w -> w.request).toList());
      } catch (Sql.SqlFailure | IllegalStateException e) {
        if (batch.size() == 1) {
          throw e;
        }
        log.warn("quota-facts batch of {} failed ({}); its requests are read one by one", batch.size(),
            SqlFailures.describe(e));
        for (Waiting w : batch) {
          try {
            w.answer = sql.read(w.request);
          } catch (RuntimeException one) {
            w.failure = one;
          }
        }
        return;
      }
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).answer = answers.get(i);
      }
    } catch (RuntimeException e) {
      batch.forEach(w -> w.failure = e);
    } catch (Error e) {
      batch.forEach(w -> w.failure = new IllegalStateException("quota-facts batch failed", e));
      throw e;
    } finally {
      complete(batch);
    }
  }

  /** Answers the batch's callers and frees its slot, whatever happened. */
  private void complete(List<Waiting> batch) {
    lock.lock();
    try {
      for (Waiting w : batch) {
        w.done = true;
        w.turn.signal();
      }
      inFlight--;
      signalNextLeader();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Whether a queued request may start a batch now. A batch starts whenever a slot is free: unlike
   * the covered-usage batches, waiting for a few more requests while another batch runs (4, as
   * there) measured no better here. Holds the lock.
   */
  private boolean mayStartBatch() {
    return inFlight < maxInFlight && !queue.isEmpty();
  }

  /** Lets the oldest queued caller send the next batch, if one may start. Holds the lock. */
  private void signalNextLeader() {
    if (mayStartBatch()) {
      queue.peek().turn.signal();
    }
  }
}
