package io.resourceplans.storage.quota;

import io.resourceplans.domain.idempotency.IdempotencyKey;
import io.resourceplans.domain.quota.CoveredUsageRecorder;
import io.resourceplans.domain.quota.UsageRecord;
import io.resourceplans.storage.db.Sql;
import io.resourceplans.storage.db.SqlFailures;
import io.resourceplans.storage.quota.SqlCoveredUsageRecorder.Request;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CoveredUsageRecorder} that records requests arriving together in one transaction (one
 * round trip, one commit). Nothing waits to fill a batch: a caller that finds fewer than
 * {@code maxInFlight} batches running sends at once whatever is queued, its own request included;
 * the others queue meanwhile and go with the next batch. So a lone request is one call, as before,
 * and under load many requests share a commit's WAL flush and, on one account, one acquisition of
 * its package row locks. Every caller is answered only after its batch commits.
 *
 * <p>An account is in one running batch at most: its requests would wait for each other's package
 * locks anyway, so they wait here and go together in the next batch (on a busy account, many
 * requests per commit). A batch is ordered by account and holds one (product, region, purpose)
 * per account, so concurrent batches lock packages in one order (see rp_record_covered_usages in
 * R__usage_functions.sql). A batch that fails as a whole (PostgreSQL breaking a deadlock, a bad
 * request among good ones) sends each of its requests to the full path on its own; one that could
 * not reach the database answers each of its callers DATABASE_UNAVAILABLE.
 *
 * <p>The records of a RecordUsages call ({@link #recordInOrder}) go to the database together on
 * their own connection, not in these batches (their order matters, and one call may hold several
 * products and purposes of its account). Their accounts are taken as a batch's are, so a call and
 * a batch of the same account never run at once on this replica, nor two calls of one account; a
 * call waiting for its account keeps new batches off it, so a busy account does not starve it.
 */
public final class BatchingCoveredUsageRecorder implements CoveredUsageRecorder {
  private static final Logger log = LoggerFactory.getLogger(BatchingCoveredUsageRecorder.class);

  private static final class Waiting {
    final Request request;
    final Condition turn;
    Outcome outcome;
    RuntimeException failure;
    boolean done;

    Waiting(Request request, Condition turn) {
      this.request = request;
      this.turn = turn;
    }

    String accountId() {
      return request.draft().accountId();
    }

    /** What decides which packages the request locks. */
    String burnDownKey() {
      UsageRecord d = request.draft();
      return d.productId() + "\n" + d.regionId() + "\n" + d.purpose().name();
    }
  }

  /**
   * Covered-usage batches running at once, each on one pooled connection (the rest of the pool
   * stays free for other calls and the full usage path). Two, not one: a batch waiting behind a
   * lock (a full-path usage, SetAlertThreshold) does not hold up every other account's usage on
   * this replica. More batches in flight only split the same load into smaller commits that
   * contend for the CPUs (docs/benchmark.md measures 1, 2, 4 and 8).
   */
  public static final int DEFAULT_BATCHES_IN_FLIGHT = 2;

  /** Requests in one covered-usage batch at most. */
  public static final int DEFAULT_BATCH_SIZE = 64;

  /** Ready requests needed to start a covered-usage batch while another one runs. */
  public static final int DEFAULT_MIN_BATCH_WHILE_BUSY = 4;

  /**
   * Covered-usage batches running at once on Citus, where a batch holds one account (see
   * {@link #forDistributed}): each is delegated to its account's worker, so batches of accounts on
   * different workers run in parallel, and a lone request is no longer joined by others.
   */
  public static final int DISTRIBUTED_BATCHES_IN_FLIGHT = 6;

  private final SqlCoveredUsageRecorder sql;
  private final int maxInFlight;
  private final int maxBatch;
  private final int minBatchWhileBusy;
  private final boolean oneAccountPerBatch;
  private final IntConsumer batchSizes;
  private final ReentrantLock lock = new ReentrantLock();
  private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
  private final Set<String> accountsInFlight = new HashSet<>();
  /** Accounts that RecordUsages calls wait for, with how many calls: no new batch takes them. */
  private final Map<String, Integer> callsWaiting = new HashMap<>();
  /** Signalled whenever accounts leave {@link #accountsInFlight} while calls wait. */
  private final Condition accountsFreed = lock.newCondition();
  private int inFlight;

  /** With the defaults above, measured on the benchmark. */
  public static BatchingCoveredUsageRecorder withDefaults(SqlCoveredUsageRecorder sql) {
    return withDefaults(sql, size -> {});
  }

  /** As {@link #withDefaults(SqlCoveredUsageRecorder)}; {@code batchSizes} is told each batch's size as it is sent (metrics). */
  public static BatchingCoveredUsageRecorder withDefaults(SqlCoveredUsageRecorder sql, IntConsumer batchSizes) {
    return new BatchingCoveredUsageRecorder(
        sql, DEFAULT_BATCHES_IN_FLIGHT, DEFAULT_BATCH_SIZE, DEFAULT_MIN_BATCH_WHILE_BUSY, false, batchSizes);
  }

  /**
   * For a Citus coordinator: one account per batch, so that {@link SqlCoveredUsageRecorder} sends it
   * as one call delegated to the account's worker (a batch of several accounts would run on the
   * coordinator, a round trip to a worker per statement inside); more batches in flight instead.
   */
  public static BatchingCoveredUsageRecorder forDistributed(SqlCoveredUsageRecorder sql) {
    return forDistributed(sql, size -> {});
  }

  /** As {@link #forDistributed(SqlCoveredUsageRecorder)}, telling {@code batchSizes} each batch's size. */
  public static BatchingCoveredUsageRecorder forDistributed(SqlCoveredUsageRecorder sql, IntConsumer batchSizes) {
    return new BatchingCoveredUsageRecorder(sql, DISTRIBUTED_BATCHES_IN_FLIGHT, DEFAULT_BATCH_SIZE, 1, true, batchSizes);
  }

  /**
   * @param maxInFlight batches running at once (each holds a pooled connection while it runs)
   * @param maxBatch requests in one batch at most
   * @param minBatchWhileBusy ready requests needed to start a batch while another runs
   */
  public BatchingCoveredUsageRecorder(
      SqlCoveredUsageRecorder sql, int maxInFlight, int maxBatch, int minBatchWhileBusy) {
    this(sql, maxInFlight, maxBatch, minBatchWhileBusy, false, size -> {});
  }

  private BatchingCoveredUsageRecorder(
      SqlCoveredUsageRecorder sql, int maxInFlight, int maxBatch, int minBatchWhileBusy, boolean oneAccountPerBatch,
      IntConsumer batchSizes) {
    if (maxInFlight < 1 || maxBatch < 1 || minBatchWhileBusy < 1 || minBatchWhileBusy > maxBatch) {
      throw new IllegalArgumentException("need 1 <= maxInFlight, 1 <= minBatchWhileBusy <= maxBatch");
    }
    this.sql = sql;
    this.maxInFlight = maxInFlight;
    this.maxBatch = maxBatch;
    this.minBatchWhileBusy = minBatchWhileBusy;
    this.oneAccountPerBatch = oneAccountPerBatch;
    this.batchSizes = batchSizes;
  }

  @Override
  public Outcome record(IdempotencyKey key, UsageRecord draft) {
    Waiting me = new Waiting(new Request(key, draft), lock.newCondition());
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
        while (!me.done && !mayStartBatch()) {
          me.turn.awaitUninterruptibly();
        }
        if (me.done) {
          if (me.failure != null) {
            throw me.failure;
          }
          return me.outcome;
        }
        batch = take();
        inFlight++;
        signalNextLeader();
      } finally {
        lock.unlock();
      }
      run(batch);
    }
  }

  /**
   * Records the items of one RecordUsages call in order ({@link SqlCoveredUsageRecorder#recordInOrder})
   * once no batch or other call of their accounts runs. A failure of the call as a whole leaves
   * every item to the full path, as a failed batch does; one that could not reach the database is
   * DATABASE_UNAVAILABLE.
   */
  @Override
  public List<Outcome> recordInOrder(List<Item> items) {
    Set<String> accounts = new HashSet<>();
    items.forEach(item -> accounts.add(item.draft().accountId()));
    lock.lock();
    try {
      accounts.forEach(a -> callsWaiting.merge(a, 1, Integer::sum));
      try {
        while (accounts.stream().anyMatch(accountsInFlight::contains)) {
          accountsFreed.awaitUninterruptibly();
        }
      } finally {
        accounts.forEach(a -> callsWaiting.computeIfPresent(a, (k, n) -> n == 1 ? null : n - 1));
      }
      accountsInFlight.addAll(accounts);
    } finally {
      lock.unlock();
    }
    try {
      return sql.recordInOrder(items.stream().map(item -> new Request(item.key(), item.draft())).toList());
    } catch (Sql.SqlFailure e) {
      if (SqlFailures.isUnavailable(e)) {
        throw SqlFailures.unavailable(e);
      }
      log.warn("covered usage of {} records of one call failed ({}); they take the full path one by one",
          items.size(), SqlFailures.describe(e));
      return items.stream().<Outcome>map(item -> new NotCovered()).toList();
    } finally {
      lock.lock();
      try {
        accountsInFlight.removeAll(accounts);
        accountsFreed.signalAll();
        signalNextLeader();
      } finally {
        lock.unlock();
      }
    }
  }

  /** Whether a new batch must leave the account's requests queued. Holds the lock. */
  private boolean taken(String accountId) {
    return accountsInFlight.contains(accountId) || callsWaiting.containsKey(accountId);
  }

  /**
   * With no batch running, any ready request starts one. With one running, another starts only for
   * at least {@code minBatchWhileBusy} ready requests: a request that arrives while a batch runs
   * would otherwise often start a batch of its own (a commit for one request) just before the
   * others arrive. Holds the lock.
   */
  private boolean mayStartBatch() {
    if (inFlight >= maxInFlight) {
      return false;
    }
    return ready(inFlight == 0 ? 1 : minBatchWhileBusy);
  }

  /** Whether at least {@code wanted} queued requests have no batch of their account running. Holds the lock. */
  private boolean ready(int wanted) {
    int ready = 0;
    for (Waiting w : queue) {
      if (!taken(w.accountId()) && ++ready >= wanted) {
        return true;
      }
    }
    return false;
  }

  /**
   * The oldest queued requests that may share a batch, ordered by account (arrival order within
   * one), and marks their accounts in flight. Holds the lock.
   */
  private List<Waiting> take() {
    Map<String, String> keyByAccount = new HashMap<>();
    List<Waiting> batch = new ArrayList<>();
    for (Iterator<Waiting> it = queue.iterator(); it.hasNext() && batch.size() < maxBatch; ) {
      Waiting w = it.next();
      if (taken(w.accountId())
          || (oneAccountPerBatch && !batch.isEmpty() && !batch.get(0).accountId().equals(w.accountId()))) {
        continue;
      }
      String taken = keyByAccount.putIfAbsent(w.accountId(), w.burnDownKey());
      if (taken == null || taken.equals(w.burnDownKey())) {
        batch.add(w);
        it.remove();
      }
    }
    accountsInFlight.addAll(keyByAccount.keySet());
    batch.sort(Comparator.comparing(Waiting::accountId));
    return batch;
  }

  private void run(List<Waiting> batch) {
    List<Outcome> outcomes = null;
    RuntimeException failure = null;
    try {
      batchSizes.accept(batch.size());
      outcomes = sql.recordAll(batch.stream().map(w -> w.request).toList());
    } catch (Sql.SqlFailure e) {
      if (SqlFailures.isUnavailable(e)) {
        // No connection, or it broke (perhaps during the commit): the full path would only wait
        // for a connection a second time. The callers retry with their request IDs, which settles
        // whether the batch committed. Each caller's answer is logged, once.
        failure = SqlFailures.unavailable(e);
      } else {
        // The batch rolled back. One request must not fail the others: each is decided again on
        // its own.
        log.warn("covered-usage batch of {} failed ({}); its requests take the full path one by one",
            batch.size(), SqlFailures.describe(e));
        outcomes = batch.stream().<Outcome>map(w -> new NotCovered()).toList();
      }
    } catch (RuntimeException e) {
      failure = e;
    } catch (Error e) {
      failure = new IllegalStateException("covered-usage batch failed", e);
      throw e;
    } finally {
      complete(batch, outcomes, failure);
    }
  }

  /** Answers the batch's callers and frees its slot and accounts, whatever happened. */
  private void complete(List<Waiting> batch, List<Outcome> outcomes, RuntimeException failure) {
    lock.lock();
    try {
      for (int i = 0; i < batch.size(); i++) {
        Waiting w = batch.get(i);
        w.done = true;
        w.outcome = outcomes == null ? null : outcomes.get(i);
        w.failure = failure;
        w.turn.signal();
      }
      inFlight--;
      batch.forEach(w -> accountsInFlight.remove(w.accountId()));
      if (!callsWaiting.isEmpty()) {
        accountsFreed.signalAll();
      }
      signalNextLeader();
    } finally {
      lock.unlock();
    }
  }

  /** Lets the oldest queued caller send the next batch, if one may start. Holds the lock. */
  private void signalNextLeader() {
    if (mayStartBatch()) {
      queue.peek().turn.signal();
    }
  }
}
