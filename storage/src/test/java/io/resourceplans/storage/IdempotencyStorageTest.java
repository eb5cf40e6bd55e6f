package io.resourceplans.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.idempotency.IdempotencyKey;
import io.resourceplans.domain.idempotency.IdempotencyRepository;
import io.resourceplans.domain.idempotency.IdempotentExecutor;
import io.resourceplans.domain.money.Money;
import io.resourceplans.domain.quota.UsageRecord;
import io.resourceplans.domain.quota.UsageRepository;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.storage.db.JdbiTransactor;
import io.resourceplans.storage.db.Jdbis;
import io.resourceplans.storage.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IdempotencyStorageTest {
  private static TestDatabase db;
  private static Transactor transactor;
  private final IdempotentExecutor executor = new IdempotentExecutor(Clock.systemUTC());

  @BeforeAll
  static void setUp() {
    db = TestDatabase.create();
    transactor = new JdbiTransactor(Jdbis.create(db.dataSource()));
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  private String run(String requestId, String content, AtomicInteger runs) {
    IdempotencyKey key =
        new IdempotencyKey("acc-test", requestId, content.getBytes(StandardCharsets.UTF_8));
    return transactor.inTransaction(
        tx ->
            executor.execute(
                tx,
                key,
                () -> "answer-" + runs.incrementAndGet(),
                s -> s.getBytes(StandardCharsets.UTF_8),
                b -> new String(b, StandardCharsets.UTF_8)));
  }

  @Test
  void sameRequestIdAndContentReturnsTheFirstAnswerWithoutRunningAgain() {
    AtomicInteger runs = new AtomicInteger();
    assertEquals("answer-1", run("r-1", "pay order 1", runs));
    assertEquals("answer-1", run("r-1", "pay order 1", runs));
    assertEquals(1, runs.get());
  }

  @Test
  void sameRequestIdWithOtherContentIsRefused() {
    AtomicInteger runs = new AtomicInteger();
    run("r-2", "pay order 1", runs);
    DomainException e = assertThrows(DomainException.class, () -> run("r-2", "pay order 2", runs));
    assertEquals(ErrorCode.IDEMPOTENCY_KEY_REUSED, e.code());
    assertEquals(1, runs.get());
  }

  @Test
  void aFailedMutationReleasesItsRequestId() {
    IdempotencyKey key = new IdempotencyKey("acc-test", "r-3", new byte[] {1});
    assertThrows(
        IllegalStateException.class,
        () ->
            transactor.inTransaction(
                tx ->
                    executor.execute(
                        tx,
                        key,
                        () -> {
                          throw new IllegalStateException("refused");
                        },
                        s -> new byte[0],
                        b -> "")));
    boolean stored = transactor.readOnly(tx -> tx.get(IdempotencyRepository.class).find("acc-test", "r-3").isPresent());
    assertFalse(stored);
    AtomicInteger runs = new AtomicInteger();
    assertEquals("answer-1", run("r-3", "\u0001", runs));
    boolean storedNow = transactor.readOnly(tx -> tx.get(IdempotencyRepository.class).find("acc-test", "r-3").isPresent());
    assertTrue(storedNow);
    assertArrayEquals(
        "answer-1".getBytes(StandardCharsets.UTF_8),
        transactor.readOnly(tx -> tx.get(IdempotencyRepository.class).find("acc-test", "r-3").orElseThrow().response()));
  }

  private static UsageRecord usage(String usageId, String requestId, long quantity) {
    return new UsageRecord("acc-test", usageId, requestId, "sms-domestic", Purpose.MARKETING, "ap-southeast-1",
        quantity, List.of(), 0, quantity, Money.of("0.045", "CNY"), Money.of("0.05", "CNY"),
        Instant.parse("2026-11-20T10:00:00Z"));
  }

  @Test
  void aRequestIdWritesOneUsageRecordWhichKeepsTheRequestsFingerprint() {
    boolean first = transactor.inTransaction(tx -> tx.get(UsageRepository.class).insertUnlessRequested(usage("use-1", "u-1", 3), new byte[] {7}));
    boolean again = transactor.inTransaction(tx -> tx.get(UsageRepository.class).insertUnlessRequested(usage("use-2", "u-1", 4), new byte[] {8}));
    assertTrue(first);
    assertFalse(again);

    var stored = transactor.readOnly(tx -> tx.get(UsageRepository.class).findByRequest("acc-test", "u-1")).orElseThrow();
    assertEquals(usage("use-1", "u-1", 3), stored.record());
    assertArrayEquals(new byte[] {7}, stored.fingerprint());
    assertFalse(transactor.readOnly(tx -> tx.get(UsageRepository.class).findByRequest("other-account", "u-1")).isPresent());
  }

  @Test
  void aRequestIdIsEitherAUsageRecordsOrAnotherMutationsNeverBoth() {
    transactor.inTransaction(tx -> tx.get(UsageRepository.class).insertUnlessRequested(usage("use-3", "u-2", 1), new byte[] {1}));
    AtomicInteger runs = new AtomicInteger();
    DomainException e = assertThrows(DomainException.class, () -> run("u-2", "create order", runs));
    assertEquals(ErrorCode.IDEMPOTENCY_KEY_REUSED, e.code());
    assertEquals(0, runs.get());
    assertFalse(transactor.readOnly(tx -> tx.get(IdempotencyRepository.class).find("acc-test", "u-2")).isPresent());

    run("o-1", "create order", runs);
    boolean inserted = transactor.inTransaction(tx -> tx.get(UsageRepository.class).insertUnlessRequested(usage("use-4", "o-1", 1), new byte[] {1}));
    assertFalse(inserted);
    assertFalse(transactor.readOnly(tx -> tx.get(UsageRepository.class).findByRequest("acc-test", "o-1")).isPresent());
  }
}
