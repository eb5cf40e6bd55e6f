package io.resourceplans.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.account.AccountRepository;
import io.resourceplans.domain.idempotency.IdempotencyKey;
import io.resourceplans.domain.idempotency.IdempotencyRepository;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.storage.db.DatabaseEngine;
import io.resourceplans.storage.db.HeldWrites.HeldWriteFailure;
import io.resourceplans.storage.db.JdbiTransactor;
import io.resourceplans.storage.db.Jdbis;
import io.resourceplans.storage.db.Sql;
import io.resourceplans.storage.db.Sql.SqlFailure;
import io.resourceplans.storage.db.SqlFailures;
import io.resourceplans.storage.idempotency.SqlIdempotencyRepository;
import io.resourceplans.storage.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Held writes (storage/db/HeldWrites): a failing one is reported as itself, with the place that
 * held it, whichever later statement or commit sent it.
 */
class HeldWritesStorageTest {
  private static final Instant NOW = Instant.parse("2026-12-06T00:00:00Z");
  /** A completion with this response makes the test trigger raise a serialization failure. */
  private static final byte[] CONFLICTING_RESPONSE = {(byte) 0xde, (byte) 0xad};

  private static TestDatabase db;
  private static Transactor transactor;

  @BeforeAll
  static void setUp() throws SQLException {
    db = TestDatabase.create();
    transactor = new JdbiTransactor(Jdbis.create(db.dataSource()));
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create table held_a (id int primary key)");
      s.execute("create table held_b (id int primary key, n int not null check (n >= 0))");
      s.execute("""
          create function held_test_take(p_id int, p_n int) returns void language plpgsql as $$
          begin
            update held_b set n = n - p_n where id = p_id;
          end $$""");
      s.execute("""
          create function held_test_conflict() returns trigger language plpgsql as $$
          begin
            raise exception 'simulated serialization failure' using errcode = '40001', table = tg_table_name;
          end $$""");
      s.execute("""
          create trigger held_test_conflict before update on idempotency_records
             for each row when (new.response = '\\xdead'::bytea) execute function held_test_conflict()""");
    }
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @Test
  void aWrongRowCountIsReportedAtTheHeldWriteNotAtTheStatementThatSentIt() throws SQLException {
    try (Connection c = transaction()) {
      Sql sql = new Sql(c);
      SqlIdempotencyRepository records = new SqlIdempotencyRepository(sql, DatabaseEngine.POSTGRESQL);
      assertTrue(records.claim(new IdempotencyKey("acc-rows", "req-claimed", new byte[] {1}), NOW));
      records.complete("acc-rows", "req-claimed", new byte[] {2});
      records.complete("acc-rows", "req-never-claimed", new byte[] {2});

      // An unrelated read sends both held completions first; the second changes no row.
      HeldWriteFailure e = assertThrows(HeldWriteFailure.class, () -> sql.one("select 1", rs -> rs.getInt(1)));

      assertEquals("complete idempotency record req-never-claimed", e.what());
      assertNotNull(e.heldAt());
      assertEquals(SqlIdempotencyRepository.class.getName(), e.heldAt().getClassName());
      assertEquals("complete", e.heldAt().getMethodName());
      assertTrue(e.getMessage().startsWith("held write failed: complete idempotency record req-never-claimed (held at "
          + SqlIdempotencyRepository.class.getName() + ".complete("), e.getMessage());
      assertEquals("P0001", SqlFailures.sqlState(e));
      assertTrue(SqlFailures.describe(e).contains("(held at " + e.heldAt() + ")"), SqlFailures.describe(e));
    }
  }

  @Test
  void aConstraintViolationSentWithCommitIsReportedAtTheWriteOfThatTable() throws SQLException {
    try (Connection c = transaction()) {
      Sql sql = new Sql(c);
      // Texts of their own: the place a text is held from is recorded once (see HeldWrites).
      sql.hold("insert into held_a values (?)", 1, "held_a 1", 1);
      sql.hold("insert into held_b (n, id) values (?, ?)", 1, "held_b 1 below zero", -1, 1);

      HeldWriteFailure e = assertThrows(HeldWriteFailure.class, sql::flushAndCommit);

      assertEquals("held_b 1 below zero", e.what());
      assertEquals(HeldWritesStorageTest.class.getName(), e.heldAt().getClassName());
      assertEquals("aConstraintViolationSentWithCommitIsReportedAtTheWriteOfThatTable", e.heldAt().getMethodName());
      assertEquals("23514", SqlFailures.sqlState(e));
      c.rollback();
      assertTrue(sql.one("select id from held_a where id = 1", rs -> rs.getInt(1)).isEmpty(), "nothing committed");
    }
  }

  @Test
  void anErrorInsideAHeldFunctionCallIsReportedAtThatCall() throws SQLException {
    try (Connection c = transaction()) {
      Sql sql = new Sql(c);
      sql.update("insert into held_b (id, n) values (5, 1)");
      sql.hold("update held_b set n = n + 0 where id = ?", 1, "held_b 5 unchanged", 5);
      sql.hold("select held_test_take(?, ?)", -1, "take 2 from held_b 5", 5, 2);

      HeldWriteFailure e = assertThrows(HeldWriteFailure.class, sql::flush);

      assertEquals("take 2 from held_b 5", e.what());
      assertEquals("anErrorInsideAHeldFunctionCallIsReportedAtThatCall", e.heldAt().getMethodName());
      assertEquals("23514", SqlFailures.sqlState(e));
    }
  }

  @Test
  void aFailingStatementAfterHeldWritesIsReportedAsItself() throws SQLException {
    try (Connection c = transaction()) {
      Sql sql = new Sql(c);
      sql.hold("insert into held_a (id) values (?)", 1, "held_a 2", 2);

      SqlFailure e = assertThrows(SqlFailure.class, () -> sql.update("insert into held_b (id, n) values (2, -1)"));

      assertFalse(e instanceof HeldWriteFailure, e.getMessage());
      assertEquals("23514", SqlFailures.sqlState(e));
    }
  }

  @Test
  void whenTheErrorDoesNotTellWhichWriteFailedEveryHeldWriteSentIsListed() throws SQLException {
    try (Connection c = transaction()) {
      Sql sql = new Sql(c);
      sql.hold("insert into held_b (id, n) values (?, ?)", 1, "held_b 3", 3, 1);
      sql.hold("insert into held_b (id, n) values (?, ?)", 1, "held_b 4 below zero", 4, -1);

      SqlFailure e = assertThrows(SqlFailure.class, sql::flush);

      assertFalse(e instanceof HeldWriteFailure, e.getMessage());
      assertTrue(e.getMessage().contains("held_b 3 (held at "), e.getMessage());
      assertTrue(e.getMessage().contains("held_b 4 below zero (held at "), e.getMessage());
      assertEquals("23514", SqlFailures.sqlState(e));
    }
  }

  @Test
  void aHeldWriteSentBeforeAJdbiStatementIsReportedAtTheHeldWrite() {
    RuntimeException e = assertThrows(RuntimeException.class, () -> transactor.inTransaction(tx -> {
      tx.get(IdempotencyRepository.class).complete("acc-jdbi", "req-never-claimed", new byte[] {1});
      // A SqlObject DAO statement: the held write goes first, in a round trip of its own.
      return tx.get(AccountRepository.class).find("acc-jdbi");
    }));

    HeldWriteFailure held = causeOfType(e, HeldWriteFailure.class);
    assertEquals("complete idempotency record req-never-claimed", held.what());
    assertEquals(SqlIdempotencyRepository.class.getName(), held.heldAt().getClassName());
  }

  @Test
  void aSerializationFailureOfAHeldWriteIsStillRetried() {
    AtomicInteger attempts = new AtomicInteger();
    DomainException e = assertThrows(DomainException.class, () -> transactor.inTransaction(tx -> {
      attempts.incrementAndGet();
      IdempotencyKey key = new IdempotencyKey("acc-retry", "req-1", new byte[] {1});
      assertTrue(tx.get(IdempotencyRepository.class).claim(key, NOW));
      tx.get(IdempotencyRepository.class).complete("acc-retry", "req-1", CONFLICTING_RESPONSE);
      return null;
    }));

    assertEquals(ErrorCode.CONCURRENT_MODIFICATION, e.code());
    assertEquals(5, attempts.get(), "every attempt ran and was rolled back");
    assertEquals("complete idempotency record req-1", causeOfType(e, HeldWriteFailure.class).what());
    assertEquals("40001", SqlFailures.sqlState(e));
  }

  /** A connection in a transaction; rolled back when closed (the pool does that). */
  private static Connection transaction() throws SQLException {
    Connection c = db.dataSource().getConnection();
    c.setAutoCommit(false);
    return c;
  }

  private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in the cause chain", e);
  }
}
