package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertRefused;
import static io.resourceplans.server.testing.Moneys.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.CreateOrderRequest;
import io.resourceplans.api.v1.GetPackageRequest;
import io.resourceplans.api.v1.GetWalletRequest;
import io.resourceplans.api.v1.PayOrderRequest;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.RecordUsageResponse;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.common.Ids;
import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.idempotency.IdempotencyKey;
import io.resourceplans.domain.idempotency.IdempotencyPurgeSettings;
import io.resourceplans.domain.money.Money;
import io.resourceplans.domain.money.SettlementCurrency;
import io.resourceplans.domain.quota.CoveredUsageRecorder;
import io.resourceplans.domain.quota.CoveredUsageRecorder.Claimed;
import io.resourceplans.domain.quota.CoveredUsageRecorder.NotCovered;
import io.resourceplans.domain.quota.CoveredUsageRecorder.Recorded;
import io.resourceplans.domain.quota.UsageRecord;
import io.resourceplans.domain.quota.UsageService;
import io.resourceplans.server.di.TestServerComponent;
import io.resourceplans.server.idempotency.IdempotencyPurgeScheduler;
import io.resourceplans.server.testing.Buyers;
import io.resourceplans.server.testing.Ledger;
import io.resourceplans.server.testing.TestServer;
import io.resourceplans.storage.quota.SqlCoveredUsageRecorder;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Idempotency after the retention: the purge deletes the other mutations' records, a RecordUsage
 * retry is still answered from its usage record (on every path, also for concurrent duplicates),
 * and a retry of another mutation is a new request.
 */
@Tag("citus")
class IdempotencyRetentionTest {
  private static final String REGION = "ap-southeast-1";
  private static final String PRODUCT = "sms-domestic";
  @RegisterExtension
  static final TestServer server = TestServer.forClass();

  /** Moves the clock past the retention and runs the purge, which must delete the account's records. */
  private static void purgedPastTheRetention(String accountId) {
    assertTrue(idempotencyRecords(accountId) > 0, "nothing to purge");
    server.clock.advance(IdempotencyPurgeSettings.DEFAULT_RETENTION.plusHours(1));
    assertTrue(server.purgeIdempotencyRecords() > 0);
    assertEquals(0, idempotencyRecords(accountId));
  }

  private static long idempotencyRecords(String accountId) {
    return server.jdbi().withHandle(h -> h.createQuery("select count(*) from idempotency_records where scope = :a")
        .bind("a", accountId).mapTo(Long.class).one());
  }

  private static long usageRecords(String accountId) {
    return server.jdbi().withHandle(h -> h.createQuery("select count(*) from usage_records where account_id = :a")
        .bind("a", accountId).mapTo(Long.class).one());
  }

  private static long usageCharges(String accountId) {
    return server.jdbi().withHandle(h -> h.createQuery(
            "select count(*) from ledger_entries where account_id = :a and kind = 'USAGE_CHARGE'")
        .bind("a", accountId).mapTo(Long.class).one());
  }

  private static String id(CreateAccountResponse account) {
    return account.getAccount().getAccountId();
  }

  private static RecordUsageRequest usage(Purpose purpose, long quantity) {
    return RecordUsageRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setProductId(PRODUCT)
        .setPurpose(purpose)
        .setQuantity(quantity)
        .setRegionId(REGION)
        .build();
  }

  private static String buy(String key, long quantity) {
    return Buyers.buy(server, key, "sms-domestic-custom", quantity, Purpose.PURPOSE_MARKETING, REGION)
        .getPackages(0).getPackageId();
  }

  private static long remaining(String key, String packageId) {
    return server.plan(key).getPackage(GetPackageRequest.newBuilder().setPackageId(packageId).build())
        .getPackage().getRemainingQuantity();
  }

  private static BigDecimal cash(String key) {
    return new BigDecimal(plain(server.plan(key).getWallet(GetWalletRequest.getDefaultInstance()).getWallet().getCashBalance()));
  }

  /** A funded account with pay-as-you-go active for the product, and no package. */
  private static CreateAccountResponse payAsYouGoSender(String name, String cash) {
    CreateAccountResponse account = Buyers.verifiedAccount(server, name);
    if (cash != null) {
      Buyers.fund(server, account, cash, null);
    }
    Buyers.activatePayAsYouGo(server, account.getApiKeySecret(), PRODUCT, REGION);
    return account;
  }

  @Test
  void aCoveredUsageRetriedAfterThePurgeGetsItsFirstAnswerAndDeductsOnce() {
    CreateAccountResponse account = Buyers.verifiedAccount(server, "Patient Sender");
    String key = account.getApiKeySecret();
    Buyers.fund(server, account, "1000.00", null);
    String pkg = buy(key, 1000);
    RecordUsageRequest request = usage(Purpose.PURPOSE_MARKETING, 30);
    RecordUsageResponse first = server.plan(key).recordUsage(request);

    purgedPastTheRetention(id(account));

    assertEquals(first, server.plan(key).recordUsage(request));
    assertEquals(970, remaining(key, pkg));
    assertRefused(Status.Code.INVALID_ARGUMENT, "IDEMPOTENCY_KEY_REUSED",
        () -> server.plan(key).recordUsage(request.toBuilder().setQuantity(31).build()));
    assertEquals(970, remaining(key, pkg));
    // With the packages used up (the full path, where a new request is refused), still the first answer.
    server.plan(key).recordUsage(usage(Purpose.PURPOSE_MARKETING, 970));
    assertEquals(first, server.plan(key).recordUsage(request));
    assertEquals(0, remaining(key, pkg));
    assertEquals(2, usageRecords(id(account)));
  }

  @Test
  void aPayAsYouGoUsageRetriedAfterThePurgeGetsItsFirstAnswerAndIsChargedOnce() {
    CreateAccountResponse account = payAsYouGoSender("Patient Payer", "10.00");
    String key = account.getApiKeySecret();
    RecordUsageRequest request = usage(Purpose.PURPOSE_VERIFICATION_NOTIFICATION, 10);
    RecordUsageResponse first = server.plan(key).recordUsage(request);
    assertEquals("0.45", plain(first.getUsageRecord().getPayAsYouGoCharge()));
    BigDecimal cashAfterFirst = cash(key);

    purgedPastTheRetention(id(account));

    assertEquals(first, server.plan(key).recordUsage(request));
    assertRefused(Status.Code.INVALID_ARGUMENT, "IDEMPOTENCY_KEY_REUSED",
        () -> server.plan(key).recordUsage(request.toBuilder().setQuantity(11).build()));
    assertEquals(cashAfterFirst, cash(key));
    assertEquals(1, usageCharges(id(account)));
    assertEquals(1, usageRecords(id(account)));
    Ledger.assertBalancesEqualLedgerSums(server.jdbi(), id(account));
  }

  @Test
  void concurrentDuplicatesOnThePayAsYouGoPathAreChargedOnce() throws Exception {
    CreateAccountResponse account = payAsYouGoSender("Eager Payer", "100.00");
    String key = account.getApiKeySecret();
    BigDecimal before = cash(key);
    List<RecordUsageRequest> requests = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      requests.add(usage(Purpose.PURPOSE_VERIFICATION_NOTIFICATION, 10));
    }
    List<RecordUsageResponse> answers = inCopies(requests, 4, r -> () -> server.plan(key).recordUsage(r));

    for (int i = 0; i < answers.size(); i++) {
      assertEquals(answers.get(i - i % 4), answers.get(i));
    }
    assertEquals(before.subtract(new BigDecimal("9.00")), cash(key));
    assertEquals(20, usageCharges(id(account)));
    assertEquals(20, usageRecords(id(account)));
    Ledger.assertBalancesEqualLedgerSums(server.jdbi(), id(account));
  }

  @Test
  void concurrentDuplicatesOnTheFullPathDeductOnce() throws Exception {
    CreateAccountResponse account = Buyers.verifiedAccount(server, "Eager Full Path");
    Buyers.fund(server, account, "1000.00", null);
    String pkg = buy(account.getApiKeySecret(), 1000);
    TestServerComponent c = server.component();
    CoveredUsageRecorder declineAll = (key, draft) -> new NotCovered();
    UsageService fullPath = new UsageService(server.clock, new SettlementCurrency("CNY"), c.wallets(), c.alerts(),
        c.transactor(), declineAll, c.accountClock());
    Principal caller = Principal.mainAccount(id(account), "test-key");
    List<IdempotencyKey> keys = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      keys.add(new IdempotencyKey(id(account), TestServer.requestId(), "7 marketing".getBytes(StandardCharsets.UTF_8)));
    }
    List<UsageRecord> answers = inCopies(keys, 4, k -> () -> fullPath.record(
        caller, k, PRODUCT, io.resourceplans.domain.catalog.Purpose.MARKETING, 7, REGION));

    for (int i = 0; i < answers.size(); i++) {
      assertEquals(answers.get(i - i % 4), answers.get(i));
    }
    assertEquals(1000 - 10 * 7, remaining(account.getApiKeySecret(), pkg));
    assertEquals(10, usageRecords(id(account)));
  }

  @Test
  void concurrentDuplicatesOnTheCoveredPathInSeparateTransactionsDeductOnce() throws Exception {
    // As from several server replicas: each call is its own transaction, not one batch.
    CreateAccountResponse account = Buyers.verifiedAccount(server, "Eager Replicas");
    Buyers.fund(server, account, "1000.00", null);
    String pkg = buy(account.getApiKeySecret(), 1000);
    IdempotencyKey key = new IdempotencyKey(id(account), TestServer.requestId(), new byte[] {5});
    SqlCoveredUsageRecorder covered = server.coveredUsage();
    List<CoveredUsageRecorder.Outcome> outcomes = inCopies(List.of(key), 8, k -> () -> covered.recordAll(List.of(
        new SqlCoveredUsageRecorder.Request(k, new UsageRecord(id(account), Ids.newId("use"), k.requestId(), PRODUCT,
            io.resourceplans.domain.catalog.Purpose.MARKETING, REGION, 5, List.of(), 5, 0, null, Money.zero("CNY"),
            Times.now(server.clock)))))).stream().map(list -> list.get(0)).toList();

    List<UsageRecord> recorded = outcomes.stream().filter(o -> o instanceof Recorded).map(o -> ((Recorded) o).record()).toList();
    assertEquals(1, recorded.size(), outcomes::toString);
    for (CoveredUsageRecorder.Outcome o : outcomes) {
      if (!(o instanceof Recorded)) {
        assertEquals(recorded.get(0), assertInstanceOf(Claimed.class, o).record());
      }
    }
    assertEquals(995, remaining(account.getApiKeySecret(), pkg));
    assertEquals(1, usageRecords(id(account)));
  }

  @Test
  void aRefusedUsageLeavesNothingAndItsRetryIsDecidedAgain() {
    CreateAccountResponse payer = payAsYouGoSender("Broke Payer", null);
    String payerKey = payer.getApiKeySecret();
    RecordUsageRequest charged = usage(Purpose.PURPOSE_VERIFICATION_NOTIFICATION, 10);
    assertRefused(Status.Code.FAILED_PRECONDITION, "INSUFFICIENT_BALANCE", () -> server.plan(payerKey).recordUsage(charged));
    assertEquals(0, usageRecords(id(payer)));
    Buyers.fund(server, payer, "1.00", null);
    assertEquals("0.45", plain(server.plan(payerKey).recordUsage(charged).getUsageRecord().getPayAsYouGoCharge()));
    assertEquals(new BigDecimal("0.55"), cash(payerKey));

    CreateAccountResponse sender = Buyers.verifiedAccount(server, "Early Sender");
    String senderKey = sender.getApiKeySecret();
    Buyers.fund(server, sender, "100.00", null);
    RecordUsageRequest covered = usage(Purpose.PURPOSE_MARKETING, 10);
    assertRefused(Status.Code.RESOURCE_EXHAUSTED, "QUOTA_EXHAUSTED", () -> server.plan(senderKey).recordUsage(covered));
    assertEquals(0, usageRecords(id(sender)));
    String pkg = buy(senderKey, 100);
    assertEquals(10, server.plan(senderKey).recordUsage(covered).getUsageRecord().getPackageQuantity());
    assertEquals(90, remaining(senderKey, pkg));
  }

  @Test
  void anotherMutationRetriedAfterThePurgeIsANewRequest() {
    CreateAccountResponse account = Buyers.verifiedAccount(server, "Forgetful Buyer");
    String key = account.getApiKeySecret();
    Buyers.fund(server, account, "100.00", null);
    CreateOrderRequest create = CreateOrderRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setPlanSpecId("sms-domestic-custom")
        .setQuantity(100)
        .setPurpose(Purpose.PURPOSE_MARKETING)
        .setRegionId(REGION)
        .setAcceptedTermsVersion(Buyers.currentPlanTerms(server, key))
        .build();
    String orderId = server.plan(key).createOrder(create).getOrder().getOrderId();
    PayOrderRequest pay = PayOrderRequest.newBuilder().setRequestId(TestServer.requestId()).setOrderId(orderId).build();
    var paid = server.plan(key).payOrder(pay);
    BigDecimal cashAfterPaying = cash(key);
    // Within the retention, retries get the first answers.
    assertEquals(orderId, server.plan(key).createOrder(create).getOrder().getOrderId());
    assertEquals(paid, server.plan(key).payOrder(pay));

    purgedPastTheRetention(id(account));

    // The order's state still refuses a second payment ...
    assertRefused(Status.Code.FAILED_PRECONDITION, "ORDER_ALREADY_PAID", () -> server.plan(key).payOrder(pay));
    assertEquals(cashAfterPaying, cash(key));
    // ... but nothing remembers the creation any more: the retry creates another order.
    assertNotEquals(orderId, server.plan(key).createOrder(create).getOrder().getOrderId());
  }

  @Test
  void aRequestIdServesOneRpcRecordUsageIncluded() {
    CreateAccountResponse account = payAsYouGoSender("Confused Sender", "100.00");
    String key = account.getApiKeySecret();
    RecordUsageRequest usage = usage(Purpose.PURPOSE_VERIFICATION_NOTIFICATION, 10);
    server.plan(key).recordUsage(usage);
    CreateOrderRequest order = CreateOrderRequest.newBuilder()
        .setRequestId(usage.getRequestId())
        .setPlanSpecId("sms-domestic-custom")
        .setQuantity(100)
        .setPurpose(Purpose.PURPOSE_MARKETING)
        .setRegionId(REGION)
        .setAcceptedTermsVersion(Buyers.currentPlanTerms(server, key))
        .build();
    // A usage's request ID is refused to another RPC, and another RPC's to RecordUsage (full path here).
    assertRefused(Status.Code.INVALID_ARGUMENT, "IDEMPOTENCY_KEY_REUSED", () -> server.plan(key).createOrder(order));
    String orderRequestId = TestServer.requestId();
    server.plan(key).createOrder(order.toBuilder().setRequestId(orderRequestId).build());
    RecordUsageRequest reusing = usage.toBuilder().setRequestId(orderRequestId).build();
    assertRefused(Status.Code.INVALID_ARGUMENT, "IDEMPOTENCY_KEY_REUSED", () -> server.plan(key).recordUsage(reusing));
    assertEquals(1, usageCharges(id(account)));

    purgedPastTheRetention(id(account));

    // The usage record is kept, so its request ID stays taken; the order's is forgotten.
    assertRefused(Status.Code.INVALID_ARGUMENT, "IDEMPOTENCY_KEY_REUSED", () -> server.plan(key).createOrder(order));
    server.plan(key).recordUsage(reusing);
    assertEquals(2, usageCharges(id(account)));
  }

  @Test
  void theSchedulerPurgesByItself() throws Exception {
    server.newAccount("Scheduled Purge");
    assertTrue(server.count("idempotency_records") > 0);
    server.clock.advance(IdempotencyPurgeSettings.DEFAULT_RETENTION.plusHours(1));
    var scheduler = new IdempotencyPurgeScheduler(server.component().idempotencyPurge(),
        new IdempotencyPurgeSettings(IdempotencyPurgeSettings.DEFAULT_RETENTION, Duration.ofMillis(50), 1000, 100),
        server.component().backgroundPassMetrics());
    scheduler.start();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (server.count("idempotency_records") > 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    } finally {
      scheduler.stop();
    }
    assertEquals(0, server.count("idempotency_records"));
    // A record made now is younger than the retention: kept.
    server.newAccount("Fresh Account");
    server.purgeIdempotencyRecords();
    assertEquals(1, server.count("idempotency_records"));
  }

  /** Sends {@code copies} copies of each item's call at once (8 threads); the answers, item by item. */
  private static <I, T> List<T> inCopies(List<I> items, int copies, java.util.function.Function<I, Callable<T>> call)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (I item : items) {
        for (int copy = 0; copy < copies; copy++) {
          Callable<T> c = call.apply(item);
          futures.add(pool.submit(() -> {
            go.await();
            return c.call();
          }));
        }
      }
      go.countDown();
      List<T> answers = new ArrayList<>();
      for (Future<T> f : futures) {
        answers.add(f.get(60, TimeUnit.SECONDS));
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }
}
