package io.resourceplans.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.server.testing.MailedCodes;
import io.resourceplans.storage.db.EmbeddedDatabase;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the server under concurrent RecordUsage, CreateOrder + PayOrder and marketplace
 * onboarding (ActivateMarketplacePlan, SendVerificationCode, Register) traffic, three times, each
 * time restarted, while callers resend every request that got no definite answer with its
 * request_id. Afterwards every acknowledged request is in the database exactly once, with the
 * answer the caller got; no quota or money was deducted twice or lost. In both modes: the
 * embedded PostgreSQL (which the kill leaves running) and an external one.
 */
@ResourceLock(value = DatabaseOutageIT.TIME_BOUNDS, mode = ResourceAccessMode.READ)
class CrashSafetyIT {
  /** Kills, each once this many more usages were answered, so each cuts traffic in full flow. */
  private static final int KILLS = 3;
  private static final int USAGES_BETWEEN_KILLS = 120;
  private static final long PACKAGE_QUANTITY = 1_000_000;
  private static final String CASH = "10000000";

  @TempDir Path dir;

  @Test
  void killNineUnderLoadWithTheEmbeddedDatabase() throws Exception {
    Path data = dir.resolve("data");
    run(data, List.of(), () -> "jdbc:postgresql://localhost:" + embeddedPort(data) + "/resource_plans?user=postgres");
  }

  @Test
  void killNineUnderLoadWithAnExternalDatabase() throws Exception {
    try (EmbeddedDatabase external = EmbeddedDatabase.start(dir.resolve("external-postgres"), 0)) {
      String url = "jdbc:postgresql://localhost:" + external.port() + "/resource_plans";
      run(dir.resolve("data"), List.of("--database-url=" + url, "--database-user=postgres"), () -> url + "?user=postgres");
    }
  }

  private interface Url {
    String get() throws Exception;
  }

  private void run(Path data, List<String> databaseArgs, Url database) throws Exception {
    try (MailedCodes mail = MailedCodes.start()) {
      List<String> args = new ArrayList<>(databaseArgs);
      args.addAll(List.of("--dispatch-period-ms=200", "--smtp-host=127.0.0.1", "--smtp-port=" + mail.port()));
      int[] starts = {0};
      AtomicReference<ServerProcess> server = new AtomicReference<>();
      server.set(ServerProcess.start(data, dir.resolve("server-" + starts[0]++ + ".log"), args));
      Calls calls = new Calls(() -> server.get().channel());
      try {
        Tenant.listMarketplaceProduct(server.get().channel());
        Tenant tenant = Tenant.create(server.get().channel(), "Crash Sender", PACKAGE_QUANTITY, CASH);
        List<CreateAccountResponse> accounts = new ArrayList<>();
        for (int a = 0; a < 30; a++) {
          accounts.add(Tenant.account(server.get().channel(), "Cloud Buyer " + a));
        }

        Load load = new Load(calls, tenant).usage(4).orders(2).onboarding(accounts, mail);
        for (int kill = 1; kill <= KILLS; kill++) {
          load.awaitUsages(kill * USAGES_BETWEEN_KILLS);
          // A different moment of the next call at each kill point.
          Thread.sleep(kill * 37L);
          server.get().kill9();
          server.set(ServerProcess.start(data, dir.resolve("server-" + starts[0]++ + ".log"), args));
        }
        load.awaitUsages((KILLS + 1) * USAGES_BETWEEN_KILLS);
        load.awaitOrdersAndOnboardings(KILLS + 1);
        load.stop();

        assertEquals(List.of(), load.failures().stream().map(Throwable::toString).toList(), "definite refusals");
        Map<Status.Code, Long> seen = calls.seen();
        assertFalse(seen.containsKey(Status.Code.INTERNAL), seen.toString());
        assertFalse(seen.containsKey(Status.Code.UNKNOWN), seen.toString());
        assertTrue(seen.getOrDefault(Status.Code.UNAVAILABLE, 0L) > 0, "the kills cut calls: " + seen);

        try (Ledger db = new Ledger(database.get())) {
          eachUsageOnce(db, tenant, load.usages());
          eachOrderPaidOnce(db, tenant, load.orders());
          eachOnboardingStepOnce(db, load.onboardings());
        }
        for (int i = 0; i < starts[0]; i++) {
          String log = Files.readString(dir.resolve("server-" + i + ".log"));
          assertFalse(log.contains("\tat "), "a stack trace in server-" + i + ".log:\n" + log);
        }
      } finally {
        server.get().close();
      }
    }
  }

  private static void eachUsageOnce(Ledger db, Tenant tenant, List<Load.Usage> sent) throws Exception {
    var rows = db.rows("select request_id, usage_id, quantity from usage_records where account_id = ?", tenant.accountId());
    Map<String, Map<String, Object>> byRequest = new java.util.HashMap<>();
    for (var row : rows) {
      assertEquals(null, byRequest.put((String) row.get("request_id"), row), "one usage record per request_id");
    }
    assertEquals(sent.size(), rows.size(), "one usage record per request sent");
    long total = 0;
    for (Load.Usage u : sent) {
      var row = byRequest.get(u.requestId());
      assertEquals(u.usageId(), row.get("usage_id"), "the answer named the record that was kept: " + u.requestId());
      assertEquals(u.quantity(), ((Number) row.get("quantity")).longValue());
      total += u.quantity();
    }
    assertEquals(
        PACKAGE_QUANTITY - total,
        db.count("select remaining_quantity from packages where account_id = ? and package_id = ?",
            tenant.accountId(), tenant.packageId()),
        "the package lost exactly what was recorded");
    assertEquals(
        total,
        db.count("select coalesce(sum(p.total_quantity - p.remaining_quantity), 0) from packages p where p.account_id = ?",
            tenant.accountId()),
        "no package lost quota that no record accounts for");
  }

  private static void eachOrderPaidOnce(Ledger db, Tenant tenant, List<Load.Order> sent) throws Exception {
    Set<String> answered = new HashSet<>();
    for (Load.Order o : sent) {
      assertEquals(o.orderId(), o.paidOrderId());
      assertTrue(answered.add(o.orderId()), "each CreateOrder request got its own order");
    }
    var orders = db.rows("select order_id, state, total_amount, paid_cash from orders where account_id = ? and plan_spec_id = ?",
        tenant.accountId(), "sms-domestic-5000");
    assertEquals(answered, orders.stream().map(r -> (String) r.get("order_id")).collect(Collectors.toSet()),
        "one order per CreateOrder request, none extra");
    for (var order : orders) {
      String id = (String) order.get("order_id");
      assertEquals("PAID", order.get("state"), id);
      assertEquals(1, db.count("select count(*) from packages where account_id = ? and order_id = ?", tenant.accountId(), id),
          "one package per paid order");
      BigDecimal total = (BigDecimal) order.get("total_amount");
      assertEquals(0, total.negate().compareTo(
          db.amount("select sum(amount) from ledger_entries where account_id = ? and order_id = ?", tenant.accountId(), id)),
          "the order was charged once: " + id);
    }
    BigDecimal paidCash = db.amount("select sum(paid_cash) from orders where account_id = ? and state = 'PAID'", tenant.accountId());
    BigDecimal cash = db.amount("select cash_balance from wallets where account_id = ?", tenant.accountId());
    assertEquals(0, new BigDecimal(CASH).subtract(paidCash).compareTo(cash), "cash = top-up - what the orders paid");
    assertEquals(0, cash.compareTo(
        db.amount("select sum(amount) from ledger_entries where account_id = ? and balance_kind = 'CASH'", tenant.accountId())),
        "the cash balance is the sum of its ledger entries");
  }

  private static void eachOnboardingStepOnce(Ledger db, List<Load.Onboarding> done) throws Exception {
    for (Load.Onboarding o : done) {
      var instances = db.rows("select instance_id from marketplace_instances where account_id = ?", o.accountId());
      assertEquals(List.of(o.instanceId()), instances.stream().map(r -> r.get("instance_id")).toList(), "one instance");
      assertEquals(1, db.count("select count(*) from notification_outbox where kind = 'VERIFICATION_CODE' and recipient = ?", o.email()),
          "one code mailed to " + o.email());
      assertEquals(o.registered() ? 1 : 0,
          db.count("select count(*) from vendor_users where lower(username) = lower(?)", o.username()));
      assertEquals(o.registered() ? 1 : 0,
          db.count("select count(*) from billing_accounts where cloud_account_id = ?", o.accountId()));
    }
  }

  /** The port the embedded PostgreSQL of a data directory listens on (postmaster.pid, line 4). */
  private static int embeddedPort(Path data) throws Exception {
    return Integer.parseInt(Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).get(3).trim());
  }
}
