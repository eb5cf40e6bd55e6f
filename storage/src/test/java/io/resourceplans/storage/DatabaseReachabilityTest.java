package io.resourceplans.storage;

import static io.resourceplans.storage.testing.Eventually.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.idempotency.IdempotencyRepository;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.storage.db.DataSources;
import io.resourceplans.storage.db.DatabaseReachability;
import io.resourceplans.storage.db.JdbiTransactor;
import io.resourceplans.storage.db.Jdbis;
import io.resourceplans.storage.testing.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The probe sees an outage and its end within a second or so, a call during the outage fails
 * DATABASE_UNAVAILABLE after the connect timeout at most, and the first call after the outage
 * succeeds: the pool neither backs off nor hands out a connection the outage broke.
 */
class DatabaseReachabilityTest {
  /** Probe period plus probe timeout, with room for a busy machine. */
  private static final Duration NOTICED_WITHIN = Duration.ofSeconds(2);

  private static TestDatabase db;
  private static Transactor transactor;

  @BeforeAll
  static void setUp() {
    db = TestDatabase.create();
    transactor = new JdbiTransactor(Jdbis.create(db.dataSource()));
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @Test
  void anOutageIsSeenAnsweredUnavailableAndLeftBehindAtOnce() throws Exception {
    DatabaseReachability reachability = db.reachability();
    assertTrue(reachability.isUp());
    assertEquals(1, selectOne());

    try (TestDatabase.Outage outage = db.outage()) {
      assertTrue(within(NOTICED_WITHIN, () -> !reachability.isUp()), "the probe saw the outage");
      long start = System.nanoTime();
      DomainException e = assertThrows(DomainException.class, this::selectOne);
      assertEquals(ErrorCode.DATABASE_UNAVAILABLE, e.code());
      assertTrue(
          Duration.ofNanos(System.nanoTime() - start).compareTo(DataSources.DEFAULT_CONNECT_TIMEOUT.plusSeconds(1)) < 0,
          "answered within the connect timeout");
      // Long enough for the pool to have backed off for seconds, had it kept failing to connect.
      Thread.sleep(3_000);
    }

    assertTrue(within(NOTICED_WITHIN, reachability::isUp), "the probe saw the database back");
    // The very first call succeeds: no broken connection is handed out, no back-off is waited.
    long start = System.nanoTime();
    assertEquals(1, selectOne());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(1)) < 0, "served within 1 s");
  }

  /**
   * A probe connection the server ended (an idle timeout, a terminated backend, a pooler restart)
   * while the database itself answers is no outage: health must not flap to NOT_SERVING for it.
   */
  @Test
  void aDroppedProbeConnectionIsNotAnOutage() throws Exception {
    DatabaseReachability reachability = db.reachability();
    assertTrue(within(NOTICED_WITHIN, reachability::isUp));
    int ended = Jdbis.create(db.dataSource()).withHandle(h -> h.createQuery("""
            select count(*) from (
              select pg_terminate_backend(pid) from pg_stat_activity
              where application_name = 'resource-plans database probe' and datname = current_database()) t
            """).mapTo(Integer.class).one());
    assertEquals(1, ended, "the probe's connection was ended");
    long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (System.nanoTime() < until) {
      assertTrue(reachability.isUp(), "still up while the database answers");
      Thread.sleep(5);
    }
  }

  private int selectOne() {
    return transactor.readOnly(tx -> 1 + 0 * tx.get(IdempotencyRepository.class).find("probe", "probe").map(x -> 1).orElse(0));
  }
}
