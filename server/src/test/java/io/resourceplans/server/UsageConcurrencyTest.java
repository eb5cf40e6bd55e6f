package io.resourceplans.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.StatusRuntimeException;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.server.testing.Buyers;
import io.resourceplans.server.testing.Errors;
import io.resourceplans.server.testing.TestServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 32 senders × 200 RecordUsage calls on the same packages, more than they hold: what is
 * acknowledged is exactly what was deducted, nothing goes negative, refusals change nothing; and
 * the same with pay-as-you-go charged to a wallet that runs out.
 */
@Tag("citus")
class UsageConcurrencyTest {
  private static final int THREADS = 32;
  private static final int CALLS = 200;
  @RegisterExtension
  static final TestServer server = TestServer.forClass();

  @Test
  void acknowledgedUsageEqualsQuotaUsedExactly() throws Exception {
    CreateAccountResponse account = Buyers.verifiedAccount(server, "Busy Sender");
    String key = account.getApiKeySecret();
    String accountId = account.getAccount().getAccountId();
    Buyers.fund(server, account, "1000.00", null);
    // 5,000 general + 3 × 1,000 marketing = 8,000 units; 6,400 calls of 1..4 units ask for ~16,000.
    Buyers.buy(server, key, "sms-domestic-5000", 1, Purpose.PURPOSE_GENERAL, "ap-southeast-1");
    for (int i = 0; i < 3; i++) {
      Buyers.buy(server, key, "sms-domestic-custom", 1000, Purpose.PURPOSE_MARKETING, "ap-southeast-1");
    }
    long quotaBefore = remainingTotal(accountId);
    assertEquals(8000, quotaBefore);

    Race race = race(key, CALLS, "QUOTA_EXHAUSTED");
    Map<String, Long> acknowledged = new HashMap<>();
    race.acknowledged().forEach((id, r) -> acknowledged.put(id, r.getPackageQuantity()));
    Set<String> refused = race.refused();

    assertEquals(0, race.unexpected());
    assertEquals(THREADS * CALLS, acknowledged.size() + refused.size());
    long acknowledgedQuantity = acknowledged.values().stream().mapToLong(Long::longValue).sum();
    long quotaAfter = remainingTotal(accountId);
    assertEquals(quotaBefore - quotaAfter, acknowledgedQuantity);
    assertTrue(quotaAfter >= 0 && quotaAfter < 4, "quota runs out: " + quotaAfter + " left");
    long negative =
        server.jdbi().withHandle(h -> h.createQuery("select count(*) from packages where remaining_quantity < 0")
            .mapTo(Long.class).one());
    assertEquals(0, negative);

    List<String> recorded =
        server.jdbi().withHandle(h -> h.createQuery("select request_id from usage_records where account_id = :a")
            .bind("a", accountId).mapTo(String.class).list());
    assertEquals(acknowledged.size(), recorded.size());
    assertEquals(acknowledged.keySet(), new HashSet<>(recorded), "every acknowledged request exactly once");
    long deducted =
        server.jdbi().withHandle(h -> h.createQuery("select coalesce(sum(q), 0) from usage_records, unnest(deduction_quantities) as q where account_id = :a")
            .bind("a", accountId).mapTo(Long.class).one());
    assertEquals(acknowledgedQuantity, deducted);
    assertTrue(refused.stream().noneMatch(recorded::contains), "refused requests changed nothing");
    // The remaining quantities every reader uses (package_totals, V21) kept up with
    // the concurrent deductions, and each package's exhausted marker with its quantity.
    String balances = """
        select coalesce(sum(remaining), 0) || '/' || coalesce(sum(packages), 0)
          from rp_active_totals(:a, null, null, null, :now)
        """;
    String packages = """
        select coalesce(sum(remaining_quantity), 0) || '/' || count(*)
          from packages where account_id = :a and remaining_quantity > 0 and expire_time > :now
        """;
    String fromPackages =
        server.jdbi().withHandle(h -> h.createQuery(packages).bind("a", accountId).bind("now", server.clock.instant())
            .mapTo(String.class).one());
    String fromBalances =
        server.jdbi().withHandle(h -> h.createQuery(balances).bind("a", accountId).bind("now", server.clock.instant())
            .mapTo(String.class).one());
    assertEquals(fromPackages, fromBalances);
  }

  /**
   * The same race on pay-as-you-go: a small package, then every message charged to a wallet of gift,
   * cash and credit until it cannot pay. What is acknowledged is exactly what the packages and the
   * wallet lost, the ledger holds one entry per balance a charge drew from, and a refusal
   * (INSUFFICIENT_BALANCE) changed nothing.
   */
  @Test
  void acknowledgedPayAsYouGoUsageEqualsWhatTheWalletPaidExactly() throws Exception {
    CreateAccountResponse account = Buyers.verifiedAccount(server, "Busy Pay As You Go Sender");
    String key = account.getApiKeySecret();
    String accountId = account.getAccount().getAccountId();
    Buyers.fund(server, account, "1000.00", null);
    Buyers.buy(server, key, "sms-domestic-custom", 100, Purpose.PURPOSE_MARKETING, "ap-southeast-1");
    Buyers.activatePayAsYouGo(server, key, "sms-domestic", "ap-southeast-1");
    // Enough for roughly a third of what the callers will ask for after the package.
    server.jdbi().useHandle(h -> h.createUpdate("""
            update wallets set gift_balance = 3.00, cash_balance = 5.00, credit_line = 4.00, credit_used = 1.50
             where account_id = :a
            """).bind("a", accountId).execute());
    String money = "select gift_balance + cash_balance + credit_line - credit_used from wallets where account_id = :a";
    java.math.BigDecimal availableBefore =
        server.jdbi().withHandle(h -> h.createQuery(money).bind("a", accountId).mapTo(java.math.BigDecimal.class).one());

    int calls = 60;
    Race race = race(key, calls, "INSUFFICIENT_BALANCE");
    Map<String, io.resourceplans.api.v1.UsageRecord> acknowledged = race.acknowledged();
    Set<String> refused = race.refused();

    assertEquals(0, race.unexpected());
    assertEquals(THREADS * calls, acknowledged.size() + refused.size());
    assertTrue(refused.size() > 0, "the wallet ran out");
    assertEquals(0, remainingTotal(accountId), "the package went first");
    java.math.BigDecimal paid = acknowledged.values().stream()
        .map(r -> io.resourceplans.server.testing.Moneys.amount(r.getPayAsYouGoCharge()))
        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
    java.math.BigDecimal availableAfter =
        server.jdbi().withHandle(h -> h.createQuery(money).bind("a", accountId).mapTo(java.math.BigDecimal.class).one());
    assertEquals(0, availableBefore.subtract(availableAfter).compareTo(paid), "the wallet lost what was charged");
    java.math.BigDecimal ledger = server.jdbi().withHandle(h -> h.createQuery("""
            select coalesce(-sum(amount), 0) from ledger_entries where account_id = :a and kind = 'USAGE_CHARGE'
            """).bind("a", accountId).mapTo(java.math.BigDecimal.class).one());
    assertEquals(0, ledger.compareTo(paid), "one ledger amount per balance drawn, adding up to the charges");
    List<String> recorded =
        server.jdbi().withHandle(h -> h.createQuery("select request_id from usage_records where account_id = :a")
            .bind("a", accountId).mapTo(String.class).list());
    assertEquals(acknowledged.keySet(), new HashSet<>(recorded), "every acknowledged request exactly once");
    long quantity = acknowledged.values().stream().mapToLong(io.resourceplans.api.v1.UsageRecord::getQuantity).sum();
    long fromRecords = server.jdbi().withHandle(h -> h.createQuery("""
            select coalesce(sum(package_quantity + pay_as_you_go_quantity), 0) from usage_records where account_id = :a
            """).bind("a", accountId).mapTo(Long.class).one());
    assertEquals(quantity, fromRecords);
    long fromPackages = server.jdbi().withHandle(h -> h.createQuery(
            "select coalesce(sum(package_quantity), 0) from usage_records where account_id = :a")
        .bind("a", accountId).mapTo(Long.class).one());
    assertEquals(100, fromPackages);
  }

  /** What {@link #race} got back: the records acknowledged by request ID, the refused IDs, other failures. */
  private record Race(Map<String, io.resourceplans.api.v1.UsageRecord> acknowledged, Set<String> refused, long unexpected) {}

  /**
   * THREADS senders released together, each sending {@code calls} RecordUsage calls of 1 to 4
   * marketing messages in ap-southeast-1; a refusal must have {@code refusal} as its reason.
   */
  private static Race race(String key, int calls, String refusal) throws Exception {
    Map<String, io.resourceplans.api.v1.UsageRecord> acknowledged = new ConcurrentHashMap<>();
    Set<String> refused = ConcurrentHashMap.newKeySet();
    AtomicLong unexpected = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      futures.add(pool.submit(() -> {
        go.await();
        for (int i = 0; i < calls; i++) {
          RecordUsageRequest request = RecordUsageRequest.newBuilder()
              .setRequestId(TestServer.requestId())
              .setProductId("sms-domestic")
              .setPurpose(Purpose.PURPOSE_MARKETING)
              .setQuantity(ThreadLocalRandom.current().nextLong(1, 5))
              .setRegionId("ap-southeast-1")
              .build();
          try {
            acknowledged.put(request.getRequestId(), server.plan(key).recordUsage(request).getUsageRecord());
          } catch (StatusRuntimeException e) {
            if (refusal.equals(Errors.reason(e))) {
              refused.add(request.getRequestId());
            } else {
              unexpected.incrementAndGet();
            }
          }
        }
        return null;
      }));
    }
    go.countDown();
    for (Future<?> f : futures) {
      f.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();
    return new Race(acknowledged, refused, unexpected.get());
  }

  private static long remainingTotal(String accountId) {
    return server.jdbi().withHandle(h -> h.createQuery("select coalesce(sum(remaining_quantity), 0) from packages where account_id = :a")
        .bind("a", accountId).mapTo(Long.class).one());
  }
}
