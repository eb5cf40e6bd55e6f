package io.resourceplans.storage.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.resourceplans.domain.idempotency.IdempotencyKey;
import io.resourceplans.domain.idempotency.IdempotencyPurge;
import io.resourceplans.domain.idempotency.IdempotencyPurgeSettings;
import io.resourceplans.domain.idempotency.IdempotencyRepository;
import io.resourceplans.domain.idempotency.IdempotentExecutor;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.domain.tx.Tx;
import io.resourceplans.storage.db.JdbiTransactor;
import io.resourceplans.storage.db.Jdbis;
import io.resourceplans.storage.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The idempotency purge: what it deletes, in which pieces, and beside a concurrent purge. */
class IdempotencyPurgeTest {
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static TestDatabase db;
  private static Jdbi jdbi;
  private static Transactor transactor;

  @BeforeAll
  static void setUp() {
    db = TestDatabase.create();
    jdbi = Jdbis.create(db.dataSource());
    transactor = new JdbiTransactor(jdbi);
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @BeforeEach
  void empty() {
    jdbi.useHandle(h -> h.execute("delete from idempotency_records"));
  }

  /** A completed record of request ID {@code requestId}, created at {@code at}. */
  private static void store(String requestId, Instant at) {
    IdempotentExecutor executor = new IdempotentExecutor(Clock.fixed(at, ZoneOffset.UTC));
    transactor.inTransaction(tx -> executor.execute(
        tx, new IdempotencyKey("acc-purge", requestId, new byte[] {1}), () -> "answer",
        answer -> answer.getBytes(StandardCharsets.UTF_8), bytes -> new String(bytes, StandardCharsets.UTF_8)));
  }

  private static int purge(Instant cutoff, int limit) {
    return transactor.inTransaction(tx -> tx.get(IdempotencyRepository.class).deleteCreatedBefore(cutoff, limit));
  }

  private static List<String> left() {
    return jdbi.withHandle(h -> h.createQuery("select request_id from idempotency_records order by request_id")
        .mapTo(String.class).list());
  }

  @Test
  void onlyRecordsOlderThanTheCutoffAreDeletedOldestFirstUpToTheLimit() {
    store("r-1", T0);
    store("r-2", T0.plusSeconds(1));
    store("r-3", T0.plusSeconds(2));
    store("r-4", T0.plusSeconds(3));

    assertEquals(2, purge(T0.plusSeconds(3), 2));
    assertEquals(List.of("r-3", "r-4"), left());
    // Created exactly at the cutoff: not older, kept.
    assertEquals(1, purge(T0.plusSeconds(3), 2));
    assertEquals(List.of("r-4"), left());
  }

  @Test
  void aRunDeletesWhatIsOlderThanTheRetentionInBatchesOfTheirOwnTransactionUpToItsBound() {
    Duration retention = Duration.ofHours(24);
    for (int i = 1; i <= 8; i++) {
      store("old-" + i, T0.plusSeconds(i));
    }
    store("young", T0.plus(Duration.ofHours(2)));
    AtomicInteger transactions = new AtomicInteger();
    Transactor counting = new Transactor() {
      @Override
      public <T> T inTransaction(Function<Tx, T> work) {
        transactions.incrementAndGet();
        return transactor.inTransaction(work);
      }

      @Override
      public <T> T readOnly(Function<Tx, T> work) {
        return transactor.readOnly(work);
      }
    };
    Clock now = Clock.fixed(T0.plus(retention).plus(Duration.ofHours(1)), ZoneOffset.UTC);
    IdempotencyPurge purge = new IdempotencyPurge(counting, now, new IdempotencyPurgeSettings(retention,
        Duration.ofMinutes(10), 3, 2));

    // Two batches of 3, each its own transaction; the rest waits for the next run.
    assertEquals(6, purge.runOnce());
    assertEquals(2, transactions.get());
    assertEquals(List.of("old-7", "old-8", "young"), left());
    // A short batch ends the run.
    assertEquals(2, purge.runOnce());
    assertEquals(3, transactions.get());
    assertEquals(List.of("young"), left());
    assertEquals(0, purge.runOnce());
  }

  @Test
  void aPurgeSkipsTheRowsAConcurrentPurgeIsDeletingInsteadOfWaiting() throws Exception {
    for (int i = 1; i <= 5; i++) {
      store("r-" + i, T0.plusSeconds(i));
    }
    Instant cutoff = T0.plus(Duration.ofDays(1));
    CountDownLatch deleted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> first = other.submit(() -> transactor.inTransaction(tx -> {
        int n = tx.get(IdempotencyRepository.class).deleteCreatedBefore(cutoff, 2);
        deleted.countDown();
        try {
          // Holds its two rows locked, uncommitted, while the second purge runs.
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return n;
      }));
      assertTrue(deleted.await(30, TimeUnit.SECONDS));
      Future<Integer> second = Executors.newSingleThreadExecutor().submit(
          () -> transactor.inTransaction(tx -> tx.get(IdempotencyRepository.class).deleteCreatedBefore(cutoff, 10)));
      assertEquals(3, second.get(30, TimeUnit.SECONDS));
      release.countDown();
      assertEquals(2, first.get(30, TimeUnit.SECONDS));
      assertEquals(List.of(), left());
    } finally {
      release.countDown();
      other.shutdownNow();
    }
  }

  @Test
  void theCreateTimeIndexServesThePurge() {
    String plan = jdbi.inTransaction(h -> {
      // The table is nearly empty here, so the planner would scan it; forbid that to see the index match.
      h.execute("set local enable_seqscan = off");
      return String.join("\n", h.createQuery("explain " + SqlIdempotencyRepository.DELETE_CREATED_BEFORE)
          .bind(0, T0).bind(1, 1000).mapTo(String.class).list());
    });
    assertTrue(plan.contains("idempotency_records_by_create_time"), plan);
  }
}
