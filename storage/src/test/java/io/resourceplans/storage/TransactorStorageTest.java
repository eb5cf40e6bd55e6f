package io.resourceplans.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.idempotency.IdempotencyKey;
import io.resourceplans.domain.idempotency.IdempotencyRepository;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.storage.db.DataSources;
import io.resourceplans.storage.db.JdbiTransactor;
import io.resourceplans.storage.db.Jdbis;
import io.resourceplans.storage.testing.TestDatabase;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The transaction modes every repository call runs in. */
class TransactorStorageTest {
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

  @Test
  void aConnectionDroppedInATransactionIsDatabaseUnavailableAndCommitsNothing() {
    IdempotencyKey key = new IdempotencyKey("acc-cut", "req-1", new byte[] {3});
    DomainException e =
        assertThrows(
            DomainException.class,
            () ->
                transactor.inTransaction(
                    tx -> {
                      tx.get(IdempotencyRepository.class).claim(key, Instant.parse("2026-11-22T00:00:00Z"));
                      // Ends this transaction's session too; the outage is over before the next query.
                      db.outage().close();
                      return tx.get(IdempotencyRepository.class).find("acc-cut", "req-1");
                    }));
    assertEquals(ErrorCode.DATABASE_UNAVAILABLE, e.code());
    // The claim was never committed. A pooled connection the outage killed may still be handed out
    // once (the pool skips checking one used in the last 500 ms) and is dropped when it fails, so
    // the read is retried as a caller would.
    for (int attempt = 1; ; attempt++) {
      try {
        assertTrue(transactor.readOnly(tx -> tx.get(IdempotencyRepository.class).find("acc-cut", "req-1")).isEmpty());
        return;
      } catch (DomainException stillDead) {
        assertEquals(ErrorCode.DATABASE_UNAVAILABLE, stillDead.code());
        assertTrue(attempt <= db.settings().poolSize(), "more failures than pooled connections");
      }
    }
  }

  @Test
  void aDatabaseThatCannotBeReachedIsDatabaseUnavailable() {
    HikariConfig config = new HikariConfig();
    // Nothing listens on port 1; the pool gives up after its shortest allowed wait.
    config.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/nowhere?user=postgres&connectTimeout=1");
    config.setInitializationFailTimeout(-1);
    config.setConnectionTimeout(250);
    try (HikariDataSource unreachable = new HikariDataSource(config)) {
      Transactor lost = new JdbiTransactor(Jdbis.create(unreachable));
      DomainException e =
          assertThrows(DomainException.class, () -> lost.readOnly(tx -> tx.get(IdempotencyRepository.class).find("acc", "req")));
      assertEquals(ErrorCode.DATABASE_UNAVAILABLE, e.code());
    }
  }

  @Test
  void aFailureThatIsNotTheDatabasesAvailabilityIsLeftAsItIs() {
    RuntimeException bug = new IllegalStateException("a bug");
    assertSame(bug, assertThrows(IllegalStateException.class, () -> transactor.readOnly(tx -> {
      throw bug;
    })));
  }

  @Test
  void poolConnectionsRunAtReadCommittedWhateverTheDatabaseDefault() {
    String database = jdbi.withHandle(h -> h.createQuery("select current_database()").mapTo(String.class).one());
    jdbi.useHandle(h -> h.execute("alter database " + database + " set default_transaction_isolation = 'serializable'"));
    try (HikariDataSource pool = DataSources.pool(db.settings(), "isolation-check")) {
      assertEquals(
          "read committed",
          Jdbi.create(pool).inTransaction(h -> h.createQuery("show transaction_isolation").mapTo(String.class).one()));
    } finally {
      jdbi.useHandle(h -> h.execute("alter database " + database + " reset default_transaction_isolation"));
    }
  }

  @Test
  void aReadOnlyTransactionCannotWriteAndLeavesTheConnectionWritable() {
    IdempotencyKey key = new IdempotencyKey("acc-ro", "req-1", new byte[] {1});
    assertThrows(
        RuntimeException.class,
        () -> transactor.readOnly(tx -> tx.get(IdempotencyRepository.class).claim(key, Instant.parse("2026-11-22T00:00:00Z"))));
    // The pool's connections go back read-write: the same claim in a normal transaction works.
    for (int i = 0; i < 20; i++) {
      IdempotencyKey next = new IdempotencyKey("acc-ro", "req-" + (i + 2), new byte[] {1});
      assertEquals(true, transactor.inTransaction(tx -> tx.get(IdempotencyRepository.class).claim(next, Instant.parse("2026-11-22T00:00:00Z"))));
    }
  }

  @Test
  void heldWritesAreVisibleToTheTransactionsNextRead() {
    IdempotencyKey key = new IdempotencyKey("acc-held", "req-1", new byte[] {7});
    byte[] stored =
        transactor.inTransaction(
            tx -> {
              tx.get(IdempotencyRepository.class).claim(key, Instant.parse("2026-11-22T00:00:00Z"));
              tx.get(IdempotencyRepository.class).complete("acc-held", "req-1", new byte[] {42});
              return tx.get(IdempotencyRepository.class).find("acc-held", "req-1").orElseThrow().response();
            });
    assertEquals(42, stored[0]);
  }

  @Test
  void aHeldWriteThatChangesTheWrongNumberOfRowsRollsTheTransactionBack() {
    IdempotencyKey claimed = new IdempotencyKey("acc-held", "req-2", new byte[] {7});
    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () ->
                transactor.inTransaction(
                    tx -> {
                      tx.get(IdempotencyRepository.class).claim(claimed, Instant.parse("2026-11-22T00:00:00Z"));
                      // Never claimed: the update finds no row when it is sent at commit.
                      tx.get(IdempotencyRepository.class).complete("acc-held", "req-never-claimed", new byte[] {1});
                      return null;
                    }));
    assertEquals(true, e.getMessage().contains("req-never-claimed"));
    assertEquals(true, transactor.readOnly(tx -> tx.get(IdempotencyRepository.class).find("acc-held", "req-2")).isEmpty());
  }

  @Test
  void aWrongCountStopsTheReadItTravelsWith() {
    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () ->
                transactor.inTransaction(
                    tx -> {
                      tx.get(IdempotencyRepository.class).complete("acc-held", "req-also-never-claimed", new byte[] {1});
                      // Sent in one round trip with the held update: the count fails first.
                      return tx.get(IdempotencyRepository.class).find("acc-held", "req-2");
                    }));
    assertEquals(true, e.getMessage().contains("req-also-never-claimed"), e.getMessage());
  }
}
