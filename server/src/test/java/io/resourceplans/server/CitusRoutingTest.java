package io.resourceplans.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.RecordUsageResponse;
import io.resourceplans.server.testing.AlertFixtures;
import io.resourceplans.server.testing.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On a Citus cluster (the citus profile, docs/scaling.md): a RecordUsage is routed to the worker
 * holding its account's shards and touches no other, so accounts on different workers are served
 * in parallel, and the covered path's one call is delegated whole to that worker.
 */
@Tag("citus-only")
class CitusRoutingTest {
  @RegisterExtension
  static final TestServer server = TestServer.forClass();

  /** A buyer with one package of 1000 marketing messages, and the worker holding its shards. */
  private record Sender(String key, String accountId, String worker) {}

  private static Sender sender(String name) {
    CreateAccountResponse buyer = AlertFixtures.buyer(server, name, "");
    AlertFixtures.buy(server, buyer.getApiKeySecret(), 1000, Purpose.PURPOSE_MARKETING);
    String accountId = buyer.getAccount().getAccountId();
    return new Sender(buyer.getApiKeySecret(), accountId, workerOf(accountId));
  }

  /** host:port of the worker holding the account's shard of accounts (and of every co-located table). */
  private static String workerOf(String accountId) {
    return server.jdbi().withHandle(h -> h.createQuery("""
            select nodename || ':' || nodeport from citus_shards
             where table_name = 'accounts'::regclass
               and shardid = get_shard_id_for_distribution_column('accounts', :a)
            """).bind("a", accountId).mapTo(String.class).one());
  }

  /** Two senders whose accounts live on different workers. */
  private static List<Sender> onTwoWorkers() {
    Sender first = sender("First Worker Sender");
    for (int i = 0; i < 20; i++) {
      Sender other = sender("Other Worker Sender " + i);
      if (!other.worker().equals(first.worker())) {
        return List.of(first, other);
      }
    }
    throw new IllegalStateException("20 accounts in a row landed on " + first.worker());
  }

  private static RecordUsageResponse use(Sender s, long quantity) {
    return server.plan(s.key()).withDeadlineAfter(60, TimeUnit.SECONDS).recordUsage(RecordUsageRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setProductId("sms-domestic")
        .setPurpose(Purpose.PURPOSE_MARKETING)
        .setRegionId(AlertFixtures.REGION)
        .setQuantity(quantity)
        .build());
  }

  private static Connection toWorker(String worker) throws Exception {
    String database = server.jdbi().withHandle(h -> h.createQuery("select current_database()").mapTo(String.class).one());
    return DriverManager.getConnection("jdbc:postgresql://" + worker + "/" + database + "?user=postgres");
  }

  /**
   * Every shard of every distributed table on {@code worker}, locked ACCESS EXCLUSIVE in an open
   * transaction on {@code c}: any statement that reads or writes one of them waits.
   */
  private static void lockEveryShard(Connection c, String worker) throws Exception {
    List<String> shards = server.jdbi().withHandle(h -> h.createQuery("""
            select shard_name from citus_shards
             where citus_table_type = 'distributed' and nodename || ':' || nodeport = :w
            """).bind("w", worker).mapTo(String.class).list());
    assertFalse(shards.isEmpty());
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      // Citus refuses a LOCK on a shard, as on any direct change to one, unless told.
      s.execute("set local citus.enable_manual_changes_to_shards = on");
      s.execute("lock table " + String.join(", ", shards) + " in access exclusive mode");
    }
  }

  @Test
  void aUsageOnOneWorkerIsServedWhileEveryShardOfTheOtherWorkerIsLocked() throws Exception {
    List<Sender> senders = onTwoWorkers();
    Sender blocked = senders.get(0);
    Sender free = senders.get(1);
    use(blocked, 1);
    use(free, 1);

    ExecutorService caller = Executors.newSingleThreadExecutor();
    try (Connection worker = toWorker(blocked.worker())) {
      lockEveryShard(worker, blocked.worker());
      CompletableFuture<RecordUsageResponse> waiting = CompletableFuture.supplyAsync(() -> use(blocked, 2), caller);
      // Served, twice, while every shard of the other worker is locked: it touched none of them.
      RecordUsageResponse served = use(free, 3);
      assertEquals(3, served.getUsageRecord().getPackageQuantity());
      assertEquals(3, use(free, 3).getUsageRecord().getPackageQuantity());
      assertThrows(waiting);
      worker.rollback();
      assertEquals(2, waiting.get(60, TimeUnit.SECONDS).getUsageRecord().getPackageQuantity());
    } finally {
      caller.shutdownNow();
    }
  }

  /** The call on the locked worker is still waiting (it does go to that worker). */
  private static void assertThrows(CompletableFuture<?> waiting) throws Exception {
    try {
      waiting.get(500, TimeUnit.MILLISECONDS);
      throw new AssertionError("a usage on the locked worker was served");
    } catch (TimeoutException expected) {
      assertFalse(waiting.isDone());
    }
  }

  @Test
  void theCoveredPathsCallIsDelegatedWholeToTheAccountsWorker() {
    Sender s = sender("Delegated Sender");
    String plan = server.jdbi().withHandle(h -> String.join("\n", h.createQuery("""
            explain (verbose off, costs off)
            select * from rp_record_account_usages(:a, array['r-1'], array['\\x00'::bytea], array['use-1'],
                array['sms-domestic'], array['MARKETING'], array[:region], array[1::bigint], array['CNY'],
                array[now()], now(), array[null::text])
            """).bind("a", s.accountId()).bind("region", AlertFixtures.REGION).mapTo(String.class).list()));
    assertTrue(plan.contains("Task Count: 1"), plan);
    assertTrue(plan.contains("port=" + s.worker().substring(s.worker().lastIndexOf(':') + 1)), plan);
    assertTrue(plan.contains("rp_record_account_usages"), plan);
  }
}
