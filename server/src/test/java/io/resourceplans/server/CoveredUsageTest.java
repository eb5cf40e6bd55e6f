package io.resourceplans.server;

import static io.resourceplans.server.testing.AlertFixtures.PRODUCT;
import static io.resourceplans.server.testing.AlertFixtures.REGION;
import static io.resourceplans.server.testing.Errors.assertRefused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.CreateOrderRequest;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.common.Ids;
import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.idempotency.IdempotencyKey;
import io.resourceplans.domain.money.Money;
import io.resourceplans.domain.quota.CoveredUsageRecorder;
import io.resourceplans.domain.quota.CoveredUsageRecorder.Claimed;
import io.resourceplans.domain.quota.CoveredUsageRecorder.NotCovered;
import io.resourceplans.domain.quota.CoveredUsageRecorder.Recorded;
import io.resourceplans.domain.quota.PackageDeduction;
import io.resourceplans.domain.quota.UsageRecord;
import io.resourceplans.server.testing.AlertFixtures;
import io.resourceplans.server.testing.Buyers;
import io.resourceplans.server.testing.TestServer;
import io.resourceplans.storage.quota.BatchingCoveredUsageRecorder;
import io.resourceplans.storage.quota.SqlCoveredUsageRecorder.Request;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The one-call usage path (rp_record_covered_usages, R__usage_functions.sql), called directly: what
 * it records, and what it leaves to the full path of UsageService without changing anything.
 * Through the API the two paths give the same answers (UsageTest, UsageConcurrencyTest); these
 * tests pin down which path a request takes, and how a batch of concurrent requests is decided.
 */
@Tag("citus")
class CoveredUsageTest {
  private static TestServer server;
  private static CoveredUsageRecorder recorder;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer();
    // One batch at a time; each of these tests' calls is a batch of one.
    recorder = new BatchingCoveredUsageRecorder(server.coveredUsage(), 1, 64, 1);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static String buy(String key, long quantity, io.resourceplans.api.v1.Purpose purpose) {
    String id = AlertFixtures.buy(server, key, quantity, purpose).getPackageId();
    // Later purchases expire later: the burn-down order within a purpose follows the buying order.
    server.clock.advance(Duration.ofDays(1));
    return id;
  }

  /** An account with its API key and one package of 100 marketing messages. */
  private record Sender(String key, String accountId, String pkg) {}

  private static Sender sender(String name) {
    CreateAccountResponse buyer = AlertFixtures.buyer(server, name, "");
    String pkg = buy(buyer.getApiKeySecret(), 100, io.resourceplans.api.v1.Purpose.PURPOSE_MARKETING);
    return new Sender(buyer.getApiKeySecret(), buyer.getAccount().getAccountId(), pkg);
  }

  private static UsageRecord draft(String accountId, String requestId, Purpose purpose, long quantity) {
    return new UsageRecord(accountId, Ids.newId("use"), requestId, PRODUCT, purpose, REGION, quantity, List.of(),
        quantity, 0, null, Money.zero("CNY"), Times.now(server.clock));
  }

  private static IdempotencyKey key(String accountId, String requestId, String content) {
    return new IdempotencyKey(accountId, requestId, content.getBytes(StandardCharsets.UTF_8));
  }

  private static long remaining(String accountId, String packageId) {
    return server.jdbi().withHandle(h -> h.createQuery(
            "select remaining_quantity from packages where account_id = :a and package_id = :p")
        .bind("a", accountId).bind("p", packageId).mapTo(Long.class).one());
  }

  private static long rows(String table, String accountColumn, String accountId) {
    return server.jdbi().withHandle(h -> h.createQuery(
            "select count(*) from " + table + " where " + accountColumn + " = :a")
        .bind("a", accountId).mapTo(Long.class).one());
  }

  @Test
  void coveredUsageIsTakenFromTheFirstPackageInBurnDownOrderAndOneThatEmptiesAPackageIsLeftToTheFullPath() {
    CreateAccountResponse buyer = AlertFixtures.buyer(server, "One Call Sender", "");
    String key = buyer.getApiKeySecret();
    String accountId = buyer.getAccount().getAccountId();
    String marketingA = buy(key, 100, io.resourceplans.api.v1.Purpose.PURPOSE_MARKETING);
    String general = Buyers.buy(server, key, "sms-domestic-5000", 1, io.resourceplans.api.v1.Purpose.PURPOSE_GENERAL, REGION)
        .getPackages(0).getPackageId();
    server.clock.advance(Duration.ofDays(1));
    String marketingB = buy(key, 100, io.resourceplans.api.v1.Purpose.PURPOSE_MARKETING);

    // 250 would empty both marketing packages: the full path's (it writes package.exhausted).
    var emptying = recorder.record(key(accountId, "one-call-0", "250 marketing"),
        draft(accountId, "one-call-0", Purpose.MARKETING, 250));
    assertInstanceOf(NotCovered.class, emptying);
    assertEquals(List.of(100L, 100L, 5000L),
        List.of(remaining(accountId, marketingA), remaining(accountId, marketingB), remaining(accountId, general)));
    assertEquals(0, rows("usage_records", "account_id", accountId));

    UsageRecord draft = draft(accountId, "one-call-1", Purpose.MARKETING, 60);
    var outcome = recorder.record(key(accountId, "one-call-1", "60 marketing"), draft);

    UsageRecord recorded = assertInstanceOf(Recorded.class, outcome).record();
    // Exact purpose first, earliest expiry first.
    assertEquals(List.of(new PackageDeduction(marketingA, Purpose.MARKETING, 60, 40)), recorded.deductions());
    assertEquals(new UsageRecord(draft.accountId(), draft.usageId(), draft.requestId(), PRODUCT, Purpose.MARKETING,
        REGION, 60, recorded.deductions(), 60, 0, null, Money.zero("CNY"), draft.recordTime()), recorded);
    assertEquals(List.of(40L, 100L, 5000L),
        List.of(remaining(accountId, marketingA), remaining(accountId, marketingB), remaining(accountId, general)));
    assertEquals(1, rows("usage_records", "account_id", accountId));
  }

  @Test
  void aPayAsYouGoRestIsChargedToTheWalletInTheSameCallAndARestItCannotPayIsLeftToTheFullPath() {
    CreateAccountResponse buyer = AlertFixtures.buyer(server, "Pay As You Go One Call Sender", "");
    String accountId = buyer.getAccount().getAccountId();
    String pkg = buy(buyer.getApiKeySecret(), 100, io.resourceplans.api.v1.Purpose.PURPOSE_MARKETING);
    Buyers.activatePayAsYouGo(server, buyer.getApiKeySecret(), PRODUCT, REGION);
    server.jdbi().useHandle(h -> h.createUpdate("""
            update wallets set cash_balance = 10.00, gift_balance = 0.01, credit_line = 0, credit_used = 0
             where account_id = :a
            """).bind("a", accountId).execute());
    BigDecimal price = server.jdbi().withHandle(h -> h.createQuery(
            "select unit_price from product_pay_as_you_go_prices where product_id = :p and purpose = 'MARKETING'")
        .bind("p", PRODUCT).mapTo(BigDecimal.class).one());
    BigDecimal charge = price.multiply(BigDecimal.valueOf(3)).setScale(2, java.math.RoundingMode.HALF_UP);

    // A pay-as-you-go rest after the package empties it: the full path's.
    assertInstanceOf(NotCovered.class, recorder.record(
        key(accountId, "one-call-payg-0", "103 marketing"), draft(accountId, "one-call-payg-0", Purpose.MARKETING, 103)));
    assertEquals(100, remaining(accountId, pkg));
    // With the package used up, usage is all pay-as-you-go, in one call.
    AlertFixtures.setRemaining(server, accountId, pkg, 0);
    UsageRecord recorded = assertInstanceOf(Recorded.class, recorder.record(
        key(accountId, "one-call-payg", "3 marketing"), draft(accountId, "one-call-payg", Purpose.MARKETING, 3)))
        .record();

    assertEquals(List.of(0L, 3L), List.of(recorded.packageQuantity(), recorded.payAsYouGoQuantity()));
    assertEquals(new Money(charge, "CNY"), recorded.payAsYouGoCharge());
    // Gift first, then cash; each entry named as the Java path names them.
    List<String> entries = server.jdbi().withHandle(h -> h.createQuery("""
            select balance_kind || ' ' || amount || ' ' || ledger_entry_id from ledger_entries
             where account_id = :a and usage_id = :u order by balance_kind desc
            """).bind("a", accountId).bind("u", recorded.usageId()).mapTo(String.class).list());
    assertEquals(2, entries.size(), entries.toString());
    assertTrue(entries.get(0).matches("GIFT -0\\.01 led-[0-9a-z]{16}"), entries.toString());
    assertTrue(entries.get(1).matches("CASH -" + charge.subtract(new BigDecimal("0.01")) + " led-[0-9a-z]{16}"),
        entries.toString());
    String wallet = "select cash_balance || ' ' || gift_balance from wallets where account_id = :a";
    assertEquals(new BigDecimal("10.01").subtract(charge).setScale(2) + " 0.00",
        server.jdbi().withHandle(h -> h.createQuery(wallet).bind("a", accountId).mapTo(String.class).one()));

    // More than the wallet holds: nothing changes here; the full path refuses it (INSUFFICIENT_BALANCE).
    var tooDear = recorder.record(key(accountId, "one-call-payg-2", "100000 marketing"),
        draft(accountId, "one-call-payg-2", Purpose.MARKETING, 100_000));
    assertInstanceOf(NotCovered.class, tooDear);
    assertEquals(1, rows("usage_records", "account_id", accountId));
    assertEquals(2, rows("ledger_entries", "kind = 'USAGE_CHARGE' and account_id", accountId));
    assertEquals(new BigDecimal("10.01").subtract(charge).setScale(2) + " 0.00",
        server.jdbi().withHandle(h -> h.createQuery(wallet).bind("a", accountId).mapTo(String.class).one()));
  }

  @Test
  void aClaimedRequestIdChangesNothingAndGivesBackTheFirstRecord() {
    Sender sender = sender("Retrying One Call Sender");
    String accountId = sender.accountId();
    String pkg = sender.pkg();
    IdempotencyKey key = key(accountId, "one-call-2", "10 marketing");
    UsageRecord first =
        assertInstanceOf(Recorded.class, recorder.record(key, draft(accountId, "one-call-2", Purpose.MARKETING, 10))).record();

    var again = recorder.record(key, draft(accountId, "one-call-2", Purpose.MARKETING, 10));

    Claimed claimed = assertInstanceOf(Claimed.class, again);
    assertEquals(first, claimed.record());
    assertArrayEquals(key.fingerprint(), claimed.fingerprint());
    assertEquals(90, remaining(accountId, pkg));
    assertEquals(1, rows("usage_records", "account_id", accountId));
  }

  @Test
  void aShortfallIsLeftToTheFullPathAndChangesNothing() {
    Sender sender = sender("Short One Call Sender");
    String accountId = sender.accountId();
    String pkg = sender.pkg();
    long idempotencyRecordsBefore = rows("idempotency_records", "scope", accountId);

    var outcome = recorder.record(key(accountId, "one-call-3", "101 marketing"),
        draft(accountId, "one-call-3", Purpose.MARKETING, 101));

    assertInstanceOf(NotCovered.class, outcome);
    assertEquals(100, remaining(accountId, pkg));
    assertEquals(0, rows("usage_records", "account_id", accountId));
    // RecordUsage writes no idempotency record on any path: its usage record is that.
    assertEquals(idempotencyRecordsBefore, rows("idempotency_records", "scope", accountId));
  }

  @Test
  void anAlertToQueueIsLeftToTheFullPathButAnAlertAlreadyQueuedIsNot() {
    Sender sender = sender("Alerted One Call Sender");
    String key = sender.key();
    String accountId = sender.accountId();
    String pkg = sender.pkg();
    AlertFixtures.setThreshold(server, key, io.resourceplans.api.v1.Purpose.PURPOSE_MARKETING, 50);

    // 100 → 60 stays at or above the threshold: one call, the setting is only read.
    assertInstanceOf(Recorded.class,
        recorder.record(key(accountId, "one-call-4", "40"), draft(accountId, "one-call-4", Purpose.MARKETING, 40)));
    // 60 → 40 crosses it: the full path must queue the alert, so the call changes nothing.
    assertInstanceOf(NotCovered.class,
        recorder.record(key(accountId, "one-call-5", "20"), draft(accountId, "one-call-5", Purpose.MARKETING, 20)));
    assertEquals(60, remaining(accountId, pkg));

    // Through the API, the full path records it and queues the one alert.
    server.plan(key).recordUsage(RecordUsageRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setProductId(PRODUCT).setRegionId(REGION)
        .setPurpose(io.resourceplans.api.v1.Purpose.PURPOSE_MARKETING).setQuantity(20).build());
    assertEquals(40, remaining(accountId, pkg));
    assertEquals(1, AlertFixtures.outbox(server, accountId, "QUOTA_ALERT").stream()
        .filter(r -> r.get("channel").equals("INTERNAL_MESSAGE")).count());

    // Triggered, and still below: nothing changes state, so one call again.
    assertInstanceOf(Recorded.class,
        recorder.record(key(accountId, "one-call-6", "5"), draft(accountId, "one-call-6", Purpose.MARKETING, 5)));
    assertEquals(35, remaining(accountId, pkg));
  }

  @Test
  void aRequestIdUsedByAnotherKindOfRequestIsRefusedAndDeductsNothing() {
    Sender sender = sender("Reusing Sender");
    String key = sender.key();
    String accountId = sender.accountId();
    String pkg = sender.pkg();
    String requestId = TestServer.requestId();
    server.plan(key).createOrder(CreateOrderRequest.newBuilder()
        .setRequestId(requestId)
        .setPlanSpecId(AlertFixtures.CUSTOM_SPEC)
        .setQuantity(100)
        .setPurpose(io.resourceplans.api.v1.Purpose.PURPOSE_MARKETING)
        .setRegionId(REGION)
        .setAcceptedTermsVersion(Buyers.currentPlanTerms(server, key))
        .build());

    Claimed claimed = assertInstanceOf(Claimed.class,
        recorder.record(key(accountId, requestId, "usage"), draft(accountId, requestId, Purpose.MARKETING, 1)));
    assertNull(claimed.record());
    assertRefused(Status.Code.INVALID_ARGUMENT, "IDEMPOTENCY_KEY_REUSED",
        () -> server.plan(key).recordUsage(RecordUsageRequest.newBuilder()
            .setRequestId(requestId).setProductId(PRODUCT).setRegionId(REGION)
            .setPurpose(io.resourceplans.api.v1.Purpose.PURPOSE_MARKETING).setQuantity(1).build()));
    assertEquals(100, remaining(accountId, pkg));
  }

  @Test
  void aBatchDecidesEachRequestOnItsOwnInOrderAndCommitsThemTogether() {
    Sender sender = sender("Batched Sender");
    String accountId = sender.accountId();
    String pkg = sender.pkg();
    IdempotencyKey first = key(accountId, "batch-1", "30");
    UsageRecord firstDraft = draft(accountId, "batch-1", Purpose.MARKETING, 30);

    List<CoveredUsageRecorder.Outcome> outcomes = server.coveredUsage().recordAll(List.of(
        new Request(first, firstDraft),
        // The same request again in the same batch: the first one's record.
        new Request(first, draft(accountId, "batch-1", Purpose.MARKETING, 30)),
        new Request(key(accountId, "batch-2", "1000"), draft(accountId, "batch-2", Purpose.MARKETING, 1000)),
        new Request(key(accountId, "batch-3", "20"), draft(accountId, "batch-3", Purpose.MARKETING, 20))));

    UsageRecord recorded = assertInstanceOf(Recorded.class, outcomes.get(0)).record();
    assertEquals(List.of(new PackageDeduction(pkg, Purpose.MARKETING, 30, 70)), recorded.deductions());
    assertEquals(recorded, assertInstanceOf(Claimed.class, outcomes.get(1)).record());
    assertInstanceOf(NotCovered.class, outcomes.get(2));
    // Decided after the first: it sees that request's deduction.
    assertEquals(List.of(new PackageDeduction(pkg, Purpose.MARKETING, 20, 50)),
        assertInstanceOf(Recorded.class, outcomes.get(3)).record().deductions());
    assertEquals(50, remaining(accountId, pkg));
    long commits = server.jdbi().withHandle(h -> h.createQuery(
            "select count(distinct xmin::text) from usage_records where account_id = :a")
        .bind("a", accountId).mapTo(Long.class).one());
    assertEquals(1, commits);
  }

  @Test
  void aLaterItemOfARunSkipsThePackagesExpiredAtItsOwnTimeAsIfDecidedAlone() {
    CreateAccountResponse buyer = AlertFixtures.buyer(server, "Expiring Run Sender", "");
    String key = buyer.getApiKeySecret();
    String accountId = buyer.getAccount().getAccountId();
    String p = buy(key, 100, io.resourceplans.api.v1.Purpose.PURPOSE_MARKETING);
    String q = buy(key, 100, io.resourceplans.api.v1.Purpose.PURPOSE_MARKETING);
    String r = buy(key, 100, io.resourceplans.api.v1.Purpose.PURPOSE_MARKETING);
    Instant t0 = Times.now(server.clock);
    // p expires between the two items' times, so the second item, decided alone, takes q.
    server.jdbi().useHandle(h -> {
      for (var pkg : List.of(Map.entry(p, 5L), Map.entry(q, 5L), Map.entry(r, 100L))) {
        Instant expire = pkg.getKey().equals(p) ? t0.plusSeconds(1)
            : t0.plus(Duration.ofDays(pkg.getKey().equals(q) ? 10 : 20));
        h.createUpdate("""
                update packages set remaining_quantity = :left, exhausted = false, expire_time = :expire
                 where account_id = :a and package_id = :p
                """).bind("left", pkg.getValue()).bind("expire", expire).bind("a", accountId).bind("p", pkg.getKey())
            .execute();
      }
      h.createQuery("select rp_rebuild_package_totals(:a)").bind("a", accountId).mapTo(String.class).one();
    });
    UsageRecord early = new UsageRecord(accountId, Ids.newId("use"), "run-early", PRODUCT, Purpose.MARKETING, REGION,
        3, List.of(), 3, 0, null, Money.zero("CNY"), t0);
    UsageRecord late = new UsageRecord(accountId, Ids.newId("use"), "run-late", PRODUCT, Purpose.MARKETING, REGION,
        4, List.of(), 4, 0, null, Money.zero("CNY"), t0.plusSeconds(2));

    List<CoveredUsageRecorder.Outcome> outcomes = server.coveredUsage().recordAll(List.of(
        new Request(key(accountId, "run-early", "3"), early), new Request(key(accountId, "run-late", "4"), late)));

    assertEquals(List.of(new PackageDeduction(p, Purpose.MARKETING, 3, 2)),
        assertInstanceOf(Recorded.class, outcomes.get(0)).record().deductions());
    // Decided alone at its own time, p is gone: q.
    assertEquals(List.of(new PackageDeduction(q, Purpose.MARKETING, 4, 1)),
        assertInstanceOf(Recorded.class, outcomes.get(1)).record().deductions());
    assertEquals(List.of(2L, 1L, 100L), List.of(remaining(accountId, p), remaining(accountId, q), remaining(accountId, r)));
    long balances = server.jdbi().withHandle(h -> h.createQuery(
            "select sum(remaining) from package_totals where account_id = :a").bind("a", accountId).mapTo(Long.class).one());
    assertEquals(103, balances);
  }

  @Test
  void concurrentCallersShareBatchesAndEachAcknowledgedRequestDeductsOnce() throws Exception {
    CreateAccountResponse hot = AlertFixtures.buyer(server, "Hot Batched Sender", "");
    CreateAccountResponse other = AlertFixtures.buyer(server, "Other Batched Sender", "");
    String hotPkg = buy(hot.getApiKeySecret(), 1000, io.resourceplans.api.v1.Purpose.PURPOSE_MARKETING);
    String otherPkg = buy(other.getApiKeySecret(), 1000, io.resourceplans.api.v1.Purpose.PURPOSE_MARKETING);
    BatchingCoveredUsageRecorder batching = new BatchingCoveredUsageRecorder(server.coveredUsage(), 2, 8, 4);
    ExecutorService callers = Executors.newFixedThreadPool(16);
    try {
      List<Future<CoveredUsageRecorder.Outcome>> answers = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        String accountId = (i % 4 == 0 ? other : hot).getAccount().getAccountId();
        String requestId = "concurrent-" + i;
        answers.add(callers.submit(() -> batching.record(
            key(accountId, requestId, "3"), draft(accountId, requestId, Purpose.MARKETING, 3))));
      }
      long hotTaken = 0;
      long otherTaken = 0;
      for (int i = 0; i < answers.size(); i++) {
        var outcome = answers.get(i).get();
        if (outcome instanceof Recorded) {
          if (i % 4 == 0) {
            otherTaken += 3;
          } else {
            hotTaken += 3;
          }
        } else {
          // 300 × 3 is short of the hot account's 1,000 only at the end: those are left to the full path.
          assertInstanceOf(NotCovered.class, outcome);
        }
      }
      assertEquals(1000 - hotTaken, remaining(hot.getAccount().getAccountId(), hotPkg));
      assertEquals(1000 - otherTaken, remaining(other.getAccount().getAccountId(), otherPkg));
      assertEquals(300, otherTaken);
      assertEquals(900, hotTaken);
      long transactions = server.jdbi().withHandle(h -> h.createQuery(
              "select count(distinct xmin::text) from usage_records where account_id = :a")
          .bind("a", hot.getAccount().getAccountId()).mapTo(Long.class).one());
      assertTrue(transactions < 300, "300 requests of 16 concurrent callers took " + transactions + " commits");
    } finally {
      callers.shutdown();
    }
  }

  @Test
  void aCallsRecordsAreDecidedInOrderAndWhatMustFollowARecordLeftToTheFullPathIsDeferred() {
    CreateAccountResponse buyer = AlertFixtures.buyer(server, "In Order Sender", "");
    String key = buyer.getApiKeySecret();
    String accountId = buyer.getAccount().getAccountId();
    String sms = buy(key, 100, io.resourceplans.api.v1.Purpose.PURPOSE_MARKETING);
    String mail = Buyers.buy(server, key, "mail-10000", 1, io.resourceplans.api.v1.Purpose.PURPOSE_GENERAL, REGION)
        .getPackages(0).getPackageId();
    IdempotencyKey earlierKey = key(accountId, "in-order-0", "3");
    UsageRecord earlier = assertInstanceOf(Recorded.class,
        recorder.record(earlierKey, draft(accountId, "in-order-0", Purpose.MARKETING, 3))).record();
    UsageRecord mailDraft = new UsageRecord(accountId, Ids.newId("use"), "in-order-7", "mail", Purpose.GENERAL, REGION,
        10, List.of(), 10, 0, null, Money.zero("CNY"), Times.now(server.clock));

    List<CoveredUsageRecorder.Outcome> outcomes = recorder.recordInOrder(List.of(
        item(accountId, "in-order-1", Purpose.MARKETING, 60), // recorded: 37 left
        item(accountId, "in-order-2", Purpose.MARKETING, 50), // short: left to the full path
        item(accountId, "in-order-3", Purpose.VERIFICATION_NOTIFICATION, 5), // no package of it: full path too
        new CoveredUsageRecorder.Item(earlierKey, draft(accountId, "in-order-0", Purpose.MARKETING, 3)), // claimed
        item(accountId, "in-order-5", Purpose.MARKETING, 30), // fits the 37, but only after in-order-2's full path
        item(accountId, "in-order-6", Purpose.MARKETING, 1), // after a deferred one: deferred
        new CoveredUsageRecorder.Item(key(accountId, "in-order-7", "mail"), mailDraft))); // another product

    assertEquals(7, outcomes.size());
    assertEquals(List.of(new PackageDeduction(sms, Purpose.MARKETING, 60, 37)),
        assertInstanceOf(Recorded.class, outcomes.get(0)).record().deductions());
    assertInstanceOf(NotCovered.class, outcomes.get(1));
    assertInstanceOf(NotCovered.class, outcomes.get(2));
    assertEquals(earlier, assertInstanceOf(Claimed.class, outcomes.get(3)).record());
    assertInstanceOf(CoveredUsageRecorder.Deferred.class, outcomes.get(4));
    assertInstanceOf(CoveredUsageRecorder.Deferred.class, outcomes.get(5));
    assertEquals(List.of(new PackageDeduction(mail, Purpose.GENERAL, 10, 9990)),
        assertInstanceOf(Recorded.class, outcomes.get(6)).record().deductions());
    // The deferred one was recorded, then rolled back with the rest and sent again without it.
    assertEquals(37, remaining(accountId, sms));
    assertEquals(9990, remaining(accountId, mail));
    assertEquals(3, rows("usage_records", "account_id", accountId));
    long commits = server.jdbi().withHandle(h -> h.createQuery(
            "select count(distinct xmin::text) from usage_records where account_id = :a and request_id <> 'in-order-0'")
        .bind("a", accountId).mapTo(Long.class).one());
    assertEquals(1, commits);
  }

  private static CoveredUsageRecorder.Item item(String accountId, String requestId, Purpose purpose, long quantity) {
    return new CoveredUsageRecorder.Item(
        key(accountId, requestId, quantity + " " + purpose), draft(accountId, requestId, purpose, quantity));
  }

  @Test
  void aBatchThatFailsAsAWholeLeavesEachRequestToTheFullPathAndChangesNothing() {
    Sender sender = sender("Failing Batch Sender");
    String accountId = sender.accountId();
    String pkg = sender.pkg();
    // Quantity 0 never passes the API's validation; here it makes the usage insert violate its check.
    Request broken = new Request(key(accountId, "broken-1", "0"), draft(accountId, "broken-1", Purpose.MARKETING, 0));
    Request good = new Request(key(accountId, "good-1", "5"), draft(accountId, "good-1", Purpose.MARKETING, 5));

    assertThrows(RuntimeException.class, () -> server.coveredUsage().recordAll(List.of(good, broken)));
    assertEquals(100, remaining(accountId, pkg));
    assertEquals(0, rows("usage_records", "account_id", accountId));

    assertInstanceOf(NotCovered.class, recorder.record(broken.key(), broken.draft()));
    assertInstanceOf(Recorded.class, recorder.record(good.key(), good.draft()));
    assertEquals(95, remaining(accountId, pkg));
  }
}
