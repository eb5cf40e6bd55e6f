package io.resourceplans.storage.services;

import static io.resourceplans.storage.services.ServiceFixtures.REGION;
import static io.resourceplans.storage.services.ServiceFixtures.SMS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.quota.QuotaFacts;
import io.resourceplans.domain.quota.QuotaFactsReader.Request;
import io.resourceplans.storage.db.Sql;
import io.resourceplans.storage.quota.BatchingQuotaFactsReader;
import io.resourceplans.storage.quota.SqlPackageRepository;
import io.resourceplans.storage.quota.SqlQuotaFactsReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CheckQuota's batched read: rp_quota_facts_many answers each request exactly as rp_quota_facts
 * answers it alone, concurrent callers share batches, and a request that fails does not fail the
 * others of its batch.
 */
class BatchingQuotaFactsReaderTest {
  @RegisterExtension static final ServiceFixtures f = ServiceFixtures.start();

  private static final List<Request> REQUESTS = new ArrayList<>();
  private static SqlQuotaFactsReader sql;

  @BeforeAll
  static void accounts() {
    sql = new SqlQuotaFactsReader(f.db.dataSource());
    Instant now = f.clock.instant();
    // Packages expiring later today, on later days and already expired (marked by the expiry pass
    // or not yet); pay-as-you-go with a wallet; an account with nothing.
    Principal packages = f.newAccount("Facts Packages");
    f.laidOut(packages, "p-today", Purpose.MARKETING, 7, now.minus(Duration.ofDays(3)), now.plus(Duration.ofHours(2)));
    f.laidOut(packages, "p-later", Purpose.MARKETING, 11, now.minus(Duration.ofDays(3)), now.plus(Duration.ofDays(9)));
    f.laidOut(packages, "p-general", Purpose.GENERAL, 13, now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(30)));
    // One past expiry and marked by the pass (out of the totals), then one past expiry it has not marked.
    f.laidOut(packages, "p-lapsed", Purpose.MARKETING, 19, now.minus(Duration.ofDays(9)), now.minus(Duration.ofHours(2)));
    try (Connection c = f.db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      Sql pass = new Sql(c);
      assertEquals(1, new SqlPackageRepository(pass).markLapsed(now.minus(Duration.ofMinutes(90)), null).size());
      pass.flushAndCommit();
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    f.laidOut(packages, "p-gone", Purpose.MARKETING, 17, now.minus(Duration.ofDays(9)), now.minus(Duration.ofHours(1)));
    Principal payg = f.newAccount("Facts Pay As You Go");
    f.fund(payg, "50.00", "2.00");
    f.buyGeneral(payg);
    f.activatePayAsYouGo(payg);
    Principal none = f.newAccount("Facts Nothing");
    for (Principal p : List.of(packages, payg, none)) {
      for (Purpose purpose : List.of(Purpose.MARKETING, Purpose.GENERAL, Purpose.VERIFICATION_NOTIFICATION)) {
        for (long quantity : List.of(1L, 18L, 31L, 1_000L)) {
          REQUESTS.add(new Request(p.accountId(), SMS, REGION, purpose, quantity, now));
        }
      }
    }
    REQUESTS.add(new Request(packages.accountId(), "no-such-product", REGION, Purpose.MARKETING, 1, now));
    REQUESTS.add(new Request(packages.accountId(), SMS, "no-such-region", Purpose.MARKETING, 1, now));
    REQUESTS.add(new Request("acc-no-such-account", SMS, REGION, Purpose.GENERAL, 1, now));
  }

  private static List<QuotaFacts> alone() {
    return REQUESTS.stream().map(sql::read).toList();
  }

  @Test
  void oneStatementAnswersEachRequestAsItIsAnsweredAlone() {
    List<QuotaFacts> alone = alone();
    assertEquals(alone, sql.readAll(REQUESTS));
    List<Request> reversed = new ArrayList<>(REQUESTS);
    Collections.reverse(reversed);
    List<QuotaFacts> expected = new ArrayList<>(alone);
    Collections.reverse(expected);
    assertEquals(expected, sql.readAll(reversed));
    // The layouts mean something: today's package, later ones and the general one all count; the
    // packages past expiry, marked or not, do not.
    assertEquals(7 + 11 + 13, alone.get(0).packageRemaining());
    assertEquals(18, alone.get(1).packageQuantity());
  }

  @Test
  void concurrentCallersShareBatchesAndEachGetsItsOwnAnswer() throws Exception {
    List<QuotaFacts> alone = alone();
    List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean first = new AtomicBoolean(true);
    // The first batch is held up a moment, so that the other callers queue behind its one slot.
    BatchingQuotaFactsReader reader = new BatchingQuotaFactsReader(sql, 1, 64, size -> {
      sizes.add(size);
      if (first.getAndSet(false)) {
        sleep(300);
      }
    });
    int callers = 16;
    int perCaller = 40;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < callers; c++) {
        int caller = c;
        done.add(pool.submit(() -> {
          for (int k = 0; k < perCaller; k++) {
            int i = (caller * 7 + k * 13) % REQUESTS.size();
            assertEquals(alone.get(i), reader.read(REQUESTS.get(i)), "request " + i);
          }
          return null;
        }));
      }
      for (Future<?> d : done) {
        d.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(callers * perCaller, sizes.stream().mapToInt(Integer::intValue).sum());
    assertTrue(sizes.stream().anyMatch(s -> s > 1), () -> "no batch held more than one request: " + sizes);
    // A caller whose request another caller's batch took waits for it; it never sends an empty batch.
    assertTrue(sizes.stream().allMatch(s -> s > 0), () -> "an empty batch: " + sizes);
  }

  @Test
  void aRequestThatFailsFailsAloneAndTheOthersOfItsBatchAreAnswered() throws Exception {
    List<QuotaFacts> alone = alone();
    // Text PostgreSQL cannot take (a NUL character): the statement fails for this request only.
    Request bad = new Request(REQUESTS.get(0).accountId() + "\u0000", SMS, REGION, Purpose.GENERAL, 1,
        REQUESTS.get(0).now());
    List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean first = new AtomicBoolean(true);
    BatchingQuotaFactsReader reader = new BatchingQuotaFactsReader(sql, 1, 64, size -> {
      sizes.add(size);
      if (first.getAndSet(false)) {
        sleep(300);
      }
    });
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      Future<QuotaFacts> leader = pool.submit(() -> reader.read(REQUESTS.get(0)));
      sleep(50);
      List<Future<QuotaFacts>> good = new ArrayList<>();
      for (int i = 1; i <= 4; i++) {
        int at = i;
        good.add(pool.submit(() -> reader.read(REQUESTS.get(at))));
      }
      Future<QuotaFacts> failing = pool.submit(() -> reader.read(bad));
      assertEquals(alone.get(0), leader.get());
      for (int i = 1; i <= 4; i++) {
        assertEquals(alone.get(i), good.get(i - 1).get());
      }
      Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, failing::get);
      assertInstanceOf(Sql.SqlFailure.class, e.getCause());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of(1, 5), sizes);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
