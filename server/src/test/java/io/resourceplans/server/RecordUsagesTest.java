package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertInvalid;
import static io.resourceplans.server.testing.Errors.assertRefused;
import static io.resourceplans.server.testing.Moneys.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.GetPackageRequest;
import io.resourceplans.api.v1.GetWalletRequest;
import io.resourceplans.api.v1.Permission;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.RecordUsageResult;
import io.resourceplans.api.v1.RecordUsagesRequest;
import io.resourceplans.api.v1.RecordUsagesResponse;
import io.resourceplans.api.v1.UsageRecord;
import io.resourceplans.server.testing.AccessFixtures;
import io.resourceplans.server.testing.AlertFixtures;
import io.resourceplans.server.testing.Buyers;
import io.resourceplans.server.testing.Errors;
import io.resourceplans.server.testing.Ledger;
import io.resourceplans.server.testing.PrometheusText;
import io.resourceplans.server.testing.TestServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RecordUsages: many records in one call, each decided as RecordUsage alone would decide it, in
 * order, with a result each (UsagesBatchAgreeTest compares the two RPCs on random layouts).
 */
@Tag("citus")
class RecordUsagesTest {
  private static final String SMS = "sms-domestic";
  private static final String REGION = "ap-southeast-1";
  @RegisterExtension
  static final TestServer server = TestServer.forClass();

  private record Sender(String key, String accountId) {}

  private static Sender sender(String name, String cash) {
    CreateAccountResponse a = Buyers.verifiedAccount(server, name);
    Buyers.fund(server, a, cash, null);
    return new Sender(a.getApiKeySecret(), a.getAccount().getAccountId());
  }

  private static String buy(Sender s, long quantity, Purpose purpose) {
    String id = Buyers.buy(server, s.key(), "sms-domestic-custom", quantity, purpose, REGION).getPackages(0).getPackageId();
    server.clock.advance(Duration.ofDays(1));
    return id;
  }

  private static RecordUsageRequest usage(String product, Purpose purpose, long quantity) {
    return RecordUsageRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setProductId(product)
        .setPurpose(purpose)
        .setQuantity(quantity)
        .setRegionId(REGION)
        .build();
  }

  private static RecordUsageRequest sms(Purpose purpose, long quantity) {
    return usage(SMS, purpose, quantity);
  }

  private static RecordUsagesResponse recordAll(Sender s, RecordUsageRequest... records) {
    return recordAll(s, List.of(records));
  }

  private static RecordUsagesResponse recordAll(Sender s, List<RecordUsageRequest> records) {
    return server.plan(s.key()).recordUsages(RecordUsagesRequest.newBuilder().addAllRecords(records).build());
  }

  private static long remaining(Sender s, String packageId) {
    return server.plan(s.key()).getPackage(GetPackageRequest.newBuilder().setPackageId(packageId).build())
        .getPackage().getRemainingQuantity();
  }

  private static String cash(Sender s) {
    return plain(server.plan(s.key()).getWallet(GetWalletRequest.getDefaultInstance()).getWallet().getCashBalance());
  }

  private static long usageRecords(Sender s) {
    return server.jdbi().withHandle(h -> h.createQuery("select count(*) from usage_records where account_id = :a")
        .bind("a", s.accountId()).mapTo(Long.class).one());
  }

  private static List<String> deducted(UsageRecord r) {
    return r.getDeductionsList().stream().map(d -> d.getPackageId() + ":" + d.getQuantity()).toList();
  }

  /** What RecordUsage alone answers the record now: its record, or the status it fails with. */
  private static Object alone(Sender s, RecordUsageRequest record) {
    try {
      return server.plan(s.key()).recordUsage(record).getUsageRecord();
    } catch (StatusRuntimeException e) {
      return StatusProto.fromThrowable(e);
    }
  }

  private static String reason(RecordUsageResult r) {
    assertTrue(r.hasError(), () -> "not refused: " + r);
    return r.getError().getDetailsList().stream()
        .filter(a -> a.is(ErrorInfo.class))
        .map(a -> {
          try {
            return a.unpack(ErrorInfo.class).getReason();
          } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
          }
        })
        .findFirst().orElseThrow();
  }

  @Test
  void oneCallMixesCoveredPayAsYouGoRefusedAndReplayedRecordsEachDecidedAsAlone() throws Exception {
    Sender s = sender("Mixed Batch Sender", "19.00");
    String verification = buy(s, 100, Purpose.PURPOSE_VERIFICATION_NOTIFICATION);
    String marketing = buy(s, 100, Purpose.PURPOSE_MARKETING);
    Buyers.activatePayAsYouGo(server, s.key(), SMS, REGION);
    RecordUsageRequest earlier = sms(Purpose.PURPOSE_MARKETING, 5);
    UsageRecord earlierRecord = server.plan(s.key()).recordUsage(earlier).getUsageRecord();
    RecordUsageRequest reused = sms(Purpose.PURPOSE_MARKETING, 1);
    server.plan(s.key()).recordUsage(reused);
    String cashBefore = cash(s);
    assertEquals("10.00", cashBefore, "what is left after buying the two packages");

    List<RecordUsageRequest> records = List.of(
        sms(Purpose.PURPOSE_VERIFICATION_NOTIFICATION, 30), // 0: covered, 70 left
        earlier, // 1: replayed
        usage("mail", Purpose.PURPOSE_GENERAL, 5), // 2: no mail packages, no pay-as-you-go there
        sms(Purpose.PURPOSE_VERIFICATION_NOTIFICATION, 100), // 3: 70 from the package, 30 pay-as-you-go
        reused.toBuilder().setQuantity(2).build(), // 4: the ID of another request
        sms(Purpose.PURPOSE_VERIFICATION_NOTIFICATION, 1000), // 5: 45.00 pay-as-you-go, above the cash
        sms(Purpose.PURPOSE_MARKETING, 10)); // 6: covered by the marketing package
    int metricsPort = server.startMetricsEndpoint();
    PrometheusText metricsBefore = PrometheusText.scrape("127.0.0.1", metricsPort);
    RecordUsagesResponse response = recordAll(s, records);
    PrometheusText metricsAfter = PrometheusText.scrape("127.0.0.1", metricsPort);

    assertEquals(records.size(), response.getResultsCount());
    for (int i = 0; i < records.size(); i++) {
      assertEquals(records.get(i).getRequestId(), response.getResults(i).getRequestId());
    }
    UsageRecord covered = response.getResults(0).getUsageRecord();
    assertEquals(List.of(verification + ":30"), deducted(covered));
    assertFalse(response.getResults(0).getReplayed());
    assertEquals(earlierRecord, response.getResults(1).getUsageRecord());
    assertTrue(response.getResults(1).getReplayed());
    assertEquals("QUOTA_EXHAUSTED", reason(response.getResults(2)));
    UsageRecord overflow = response.getResults(3).getUsageRecord();
    assertEquals(List.of(verification + ":70"), deducted(overflow));
    assertEquals(30, overflow.getPayAsYouGoQuantity());
    assertEquals("1.35", plain(overflow.getPayAsYouGoCharge()));
    assertFalse(response.getResults(3).getReplayed());
    assertEquals("IDEMPOTENCY_KEY_REUSED", reason(response.getResults(4)));
    assertEquals("INSUFFICIENT_BALANCE", reason(response.getResults(5)));
    assertEquals(List.of(marketing + ":10"), deducted(response.getResults(6).getUsageRecord()));

    // What changed: the recorded ones, nothing of the refused ones.
    assertEquals(0, remaining(s, verification));
    assertEquals(100 - 5 - 1 - 10, remaining(s, marketing));
    assertEquals(new BigDecimal(cashBefore).subtract(new BigDecimal("1.35")), new BigDecimal(cash(s)));
    assertEquals(2 + 3, usageRecords(s));
    Ledger.assertBalancesEqualLedgerSums(server.jdbi(), s.accountId());

    // The usage metrics count each record as a RecordUsage call of it would count.
    Map<String, Double> counted = new java.util.TreeMap<>();
    for (String[] outcome : new String[][] {{"covered", ""}, {"pay_as_you_go", ""}, {"replayed", ""},
        {"refused", "QUOTA_EXHAUSTED"}, {"refused", "IDEMPOTENCY_KEY_REUSED"}, {"refused", "INSUFFICIENT_BALANCE"}}) {
      String[] labels = {"outcome", outcome[0], "reason", outcome[1]};
      counted.put(String.join(" ", outcome).trim(), metricsAfter.valueOr(0, "rp_usage_outcomes_total", labels)
          - metricsBefore.valueOr(0, "rp_usage_outcomes_total", labels));
    }
    assertEquals(Map.of("covered", 2.0, "pay_as_you_go", 1.0, "replayed", 1.0, "refused QUOTA_EXHAUSTED", 1.0,
        "refused IDEMPOTENCY_KEY_REUSED", 1.0, "refused INSUFFICIENT_BALANCE", 1.0), counted);
    assertEquals(7, metricsAfter.sum("rp_usage_outcomes_total") - metricsBefore.sum("rp_usage_outcomes_total"));

    // A refusal is the very status RecordUsage fails with (code, message, ErrorInfo, BadRequest).
    for (int i : new int[] {2, 4, 5}) {
      assertEquals(alone(s, records.get(i)), response.getResults(i).getError(), "record " + i);
    }
    BadRequest reusedViolations = Errors.details(
        StatusProto.toStatusRuntimeException(response.getResults(4).getError()), BadRequest.class).get(0);
    assertEquals("request_id", reusedViolations.getFieldViolations(0).getField(), "the record's own field, as alone");

    // The whole call again: the same answers, the recorded ones replayed; nothing changes.
    RecordUsagesResponse again = recordAll(s, records);
    RecordUsagesResponse.Builder expected = response.toBuilder();
    for (RecordUsageResult.Builder r : expected.getResultsBuilderList()) {
      if (r.hasUsageRecord()) {
        r.setReplayed(true);
      }
    }
    assertEquals(expected.build(), again);
    assertTrue(java.util.Arrays.equals(expected.build().toByteArray(), again.toByteArray()), "byte for byte");
    assertEquals(0, remaining(s, verification));
    assertEquals(84, remaining(s, marketing));
    assertEquals(new BigDecimal(cashBefore).subtract(new BigDecimal("1.35")), new BigDecimal(cash(s)));
    assertEquals(5, usageRecords(s));
    // And each recorded one is what RecordUsage answers its retry.
    for (int i : new int[] {0, 1, 3, 6}) {
      assertEquals(alone(s, records.get(i)), response.getResults(i).getUsageRecord(), "record " + i);
    }
  }

  @Test
  void recordsOfOneProductAreDecidedInTheOrderGiven() {
    Sender s = sender("Ordered Batch Sender", "100.00");
    String verification = buy(s, 100, Purpose.PURPOSE_VERIFICATION_NOTIFICATION);
    String marketing = buy(s, 100, Purpose.PURPOSE_MARKETING);
    Buyers.activatePayAsYouGo(server, s.key(), SMS, REGION);

    RecordUsagesResponse response = recordAll(s,
        sms(Purpose.PURPOSE_VERIFICATION_NOTIFICATION, 60), // covered: 40 left
        sms(Purpose.PURPOSE_VERIFICATION_NOTIFICATION, 50), // exhausts the package: 40 + 10 pay-as-you-go
        sms(Purpose.PURPOSE_VERIFICATION_NOTIFICATION, 5), // would fit the 40 if decided before the last: all pay-as-you-go
        sms(Purpose.PURPOSE_MARKETING, 10), // another purpose of the same product, after them
        sms(Purpose.PURPOSE_VERIFICATION_NOTIFICATION, 2)); // pay-as-you-go again

    List<RecordUsageResult> r = response.getResultsList();
    assertEquals(List.of(verification + ":60"), deducted(r.get(0).getUsageRecord()));
    assertEquals(List.of(verification + ":40"), deducted(r.get(1).getUsageRecord()));
    assertEquals(10, r.get(1).getUsageRecord().getPayAsYouGoQuantity());
    assertEquals(List.of(), deducted(r.get(2).getUsageRecord()));
    assertEquals(5, r.get(2).getUsageRecord().getPayAsYouGoQuantity());
    assertEquals(List.of(marketing + ":10"), deducted(r.get(3).getUsageRecord()));
    assertEquals(2, r.get(4).getUsageRecord().getPayAsYouGoQuantity());
    assertEquals(0, remaining(s, verification));
    assertEquals(90, remaining(s, marketing));
    Ledger.assertBalancesEqualLedgerSums(server.jdbi(), s.accountId());
  }

  @Test
  void aRefusedRecordLeavesTheOthersDeductedAndALaterSmallerOneFitsWhatIsLeft() {
    Sender s = sender("Refused In Batch Sender", "100.00");
    String pkg = buy(s, 100, Purpose.PURPOSE_MARKETING);

    RecordUsagesResponse response = recordAll(s,
        sms(Purpose.PURPOSE_MARKETING, 60),
        sms(Purpose.PURPOSE_MARKETING, 50), // 40 left and no pay-as-you-go: refused, changes nothing
        sms(Purpose.PURPOSE_MARKETING, 40), // fits exactly
        sms(Purpose.PURPOSE_MARKETING, 1)); // nothing left

    List<RecordUsageResult> r = response.getResultsList();
    assertEquals(List.of(pkg + ":60"), deducted(r.get(0).getUsageRecord()));
    assertEquals("QUOTA_EXHAUSTED", reason(r.get(1)));
    assertTrue(r.get(1).getError().getMessage().startsWith("QUOTA_EXHAUSTED: packages cover 40 of 50"),
        r.get(1).getError().getMessage());
    assertEquals(List.of(pkg + ":40"), deducted(r.get(2).getUsageRecord()));
    assertEquals(0, r.get(2).getUsageRecord().getDeductions(0).getRemainingQuantity());
    assertEquals("QUOTA_EXHAUSTED", reason(r.get(3)));
    assertEquals(0, remaining(s, pkg));
    assertEquals(2, usageRecords(s));
  }

  @Test
  void theCoveredRecordsOfACallCommitTogether() {
    Sender s = sender("One Commit Sender", "1000.00");
    String pkg = buy(s, 1000, Purpose.PURPOSE_MARKETING);
    List<RecordUsageRequest> records = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      records.add(sms(Purpose.PURPOSE_MARKETING, 1 + i % 3));
    }

    RecordUsagesResponse response = recordAll(s, records);

    long quantity = records.stream().mapToLong(RecordUsageRequest::getQuantity).sum();
    assertTrue(response.getResultsList().stream().allMatch(RecordUsageResult::hasUsageRecord));
    assertEquals(1000 - quantity, remaining(s, pkg));
    // In request order: each record's deduction leaves what the next one starts from.
    long left = 1000;
    for (int i = 0; i < records.size(); i++) {
      left -= records.get(i).getQuantity();
      assertEquals(left, response.getResults(i).getUsageRecord().getDeductions(0).getRemainingQuantity());
    }
    long commits = server.jdbi().withHandle(h -> h.createQuery(
            "select count(distinct xmin::text) from usage_records where account_id = :a")
        .bind("a", s.accountId()).mapTo(Long.class).one());
    assertEquals(1, commits);
  }

  @Test
  void anAlertCrossedInACallIsQueuedOnceAsOneByOne() {
    Sender s = sender("Alerted Batch Sender", "1000.00");
    String pkg = buy(s, 100, Purpose.PURPOSE_MARKETING);
    server.plan(s.key()).setAlertThreshold(io.resourceplans.api.v1.SetAlertThresholdRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setProductId(SMS).setPurpose(Purpose.PURPOSE_MARKETING)
        .setThreshold(50).addChannels(io.resourceplans.api.v1.MessageChannel.MESSAGE_CHANNEL_INTERNAL_MESSAGE)
        .build());

    RecordUsagesResponse response = recordAll(s,
        sms(Purpose.PURPOSE_MARKETING, 30), // 70: above
        sms(Purpose.PURPOSE_MARKETING, 30), // 40: crosses, alert queued on the full path
        sms(Purpose.PURPOSE_MARKETING, 10), // 30: still below, silent
        sms(Purpose.PURPOSE_MARKETING, 5));

    assertTrue(response.getResultsList().stream().allMatch(RecordUsageResult::hasUsageRecord));
    assertEquals(25, remaining(s, pkg));
    assertEquals(1, AlertFixtures.outbox(server, s.accountId(), "QUOTA_ALERT").size());
  }

  @Test
  void badInputIsRefusedWholeWithTheRecordsPathsAndRecordsNothing() {
    Sender s = sender("Careless Batch Sender", "1000.00");
    String pkg = buy(s, 1000, Purpose.PURPOSE_MARKETING);
    RecordUsageRequest good = sms(Purpose.PURPOSE_MARKETING, 1);

    StatusRuntimeException twice = assertInvalid(
        () -> recordAll(s, good, sms(Purpose.PURPOSE_MARKETING, 2), good.toBuilder().setQuantity(3).build()),
        "records[2].request_id");
    List<BadRequest.FieldViolation> violations = Errors.details(twice, BadRequest.class).get(0).getFieldViolationsList();
    assertEquals(1, violations.size(), violations::toString);
    assertEquals("must be unique within the call: records[0] has it too", violations.get(0).getDescription());
    assertTrue(Errors.details(twice, ErrorInfo.class).isEmpty(), "plain bad input: no reason");

    assertInvalid(() -> recordAll(s, good, sms(Purpose.PURPOSE_MARKETING, 0)), "records[1].quantity");
    assertInvalid(() -> recordAll(s, good.toBuilder().setRequestId("").build(), good), "records[0].request_id");
    assertInvalid(() -> recordAll(s, good, sms(Purpose.PURPOSE_UNSPECIFIED, 1), usage(SMS, Purpose.PURPOSE_MARKETING, 1)
        .toBuilder().setRegionId("nowhere").build()), "records[1].purpose", "records[2].region_id");
    List<RecordUsageRequest> tooMany = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      tooMany.add(sms(Purpose.PURPOSE_MARKETING, 1));
    }
    assertInvalid(() -> recordAll(s, tooMany), "records");
    assertInvalid(() -> recordAll(s, List.of()), "records");

    assertEquals(1000, remaining(s, pkg));
    assertEquals(0, usageRecords(s));
    // 1,000 is allowed.
    RecordUsagesResponse thousand = recordAll(s, tooMany.subList(0, 1000));
    assertEquals(1000, thousand.getResultsCount());
    assertTrue(thousand.getResultsList().stream().allMatch(RecordUsageResult::hasUsageRecord));
    assertEquals(0, remaining(s, pkg));
  }

  @Test
  void aSubUserWithoutProductAccessIsRefusedTheWholeCall() {
    Sender s = sender("Batch Sender With Staff", "1000.00");
    String pkg = buy(s, 100, Purpose.PURPOSE_MARKETING);
    String staff = AccessFixtures.subUserKey(server, s.key(), Permission.PERMISSION_ORDER_ACCESS);

    assertRefused(Status.Code.PERMISSION_DENIED, "PERMISSION_MISSING", () -> server.plan(staff).recordUsages(
        RecordUsagesRequest.newBuilder().addRecords(sms(Purpose.PURPOSE_MARKETING, 1)).build()));
    assertEquals(100, remaining(s, pkg));
  }

  @Test
  void concurrentCallsAndSingleRecordsOnOneAccountNeverOverdrawAndAcknowledgeExactlyWhatWasDeducted() throws Exception {
    int threads = 8;
    int calls = 20;
    int perCall = 25;
    Sender s = sender("Busy Batch Sender", "1000.00");
    // 5,000 general + 2 × 1,000 marketing = 7,000 units; 4,000 records of 1..4 units ask for ~10,000.
    Buyers.buy(server, s.key(), "sms-domestic-5000", 1, Purpose.PURPOSE_GENERAL, REGION);
    buy(s, 1000, Purpose.PURPOSE_MARKETING);
    buy(s, 1000, Purpose.PURPOSE_MARKETING);
    long before = remainingTotal(s);
    assertEquals(7000, before);

    Map<String, Long> acknowledged = new java.util.concurrent.ConcurrentHashMap<>();
    java.util.Set<String> refused = java.util.concurrent.ConcurrentHashMap.newKeySet();
    List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      boolean odd = t % 2 == 1;
      futures.add(pool.submit(() -> {
        go.await();
        for (int c = 0; c < calls; c++) {
          List<RecordUsageRequest> records = new ArrayList<>();
          for (int i = 0; i < perCall; i++) {
            records.add(sms(Purpose.PURPOSE_MARKETING, ThreadLocalRandom.current().nextLong(1, 5)));
          }
          List<RecordUsageResult> results = new ArrayList<>();
          if (odd) {
            // Alongside, the same records one by one: batches of single RecordUsage calls share the account.
            for (RecordUsageRequest record : records) {
              RecordUsageResult.Builder r = RecordUsageResult.newBuilder().setRequestId(record.getRequestId());
              try {
                r.setUsageRecord(server.plan(s.key()).recordUsage(record).getUsageRecord());
              } catch (StatusRuntimeException e) {
                r.setError(StatusProto.fromThrowable(e));
              }
              results.add(r.build());
            }
          } else {
            results = recordAll(s, records).getResultsList();
          }
          for (int i = 0; i < perCall; i++) {
            RecordUsageResult r = results.get(i);
            if (r.hasUsageRecord()) {
              acknowledged.put(r.getRequestId(), r.getUsageRecord().getPackageQuantity());
            } else if (reason(r).equals("QUOTA_EXHAUSTED")) {
              refused.add(r.getRequestId());
            } else {
              unexpected.add(r.toString());
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

    assertEquals(List.of(), unexpected);
    assertEquals(threads * calls * perCall, acknowledged.size() + refused.size());
    long acknowledgedQuantity = acknowledged.values().stream().mapToLong(Long::longValue).sum();
    long after = remainingTotal(s);
    assertEquals(before - after, acknowledgedQuantity);
    assertTrue(after >= 0 && after < 4, "quota runs out: " + after + " left");
    Map<String, Long> stored = new HashMap<>();
    server.jdbi().useHandle(h -> h.createQuery("""
            select request_id, (select coalesce(sum(q), 0) from unnest(deduction_quantities) as q) as deducted
              from usage_records where account_id = :a
            """)
        .bind("a", s.accountId())
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
        .forEach(e -> stored.put(e.getKey(), e.getValue())));
    assertEquals(acknowledged, stored, "every acknowledged record exactly once, with what it deducted");
    assertTrue(refused.stream().noneMatch(stored::containsKey), "refused records changed nothing");
  }

  private static long remainingTotal(Sender s) {
    return server.jdbi().withHandle(h -> h.createQuery(
            "select coalesce(sum(remaining_quantity), 0) from packages where account_id = :a")
        .bind("a", s.accountId()).mapTo(Long.class).one());
  }

  @Test
  void aRecordMayReplayOneSentAloneAndRecordUsageReplaysOneSentInACall() {
    Sender s = sender("Mixed Paths Sender", "1000.00");
    buy(s, 100, Purpose.PURPOSE_MARKETING);
    RecordUsageRequest record = sms(Purpose.PURPOSE_MARKETING, 7);
    UsageRecord batched = recordAll(s, record).getResults(0).getUsageRecord();
    assertEquals(batched, server.plan(s.key()).recordUsage(record).getUsageRecord());
    assertRefused(Status.Code.INVALID_ARGUMENT, "IDEMPOTENCY_KEY_REUSED",
        () -> server.plan(s.key()).recordUsage(record.toBuilder().setQuantity(8).build()));
    assertNotEquals("", batched.getUsageId());
    assertThrows(StatusRuntimeException.class, () -> server.plan("rpk.nobody").recordUsages(
        RecordUsagesRequest.newBuilder().addRecords(record).build()));
  }
  /**
   * A call's records of one product and purpose claim their request IDs with one insert at the end
   * (rp_record_covered_usages). An ID claimed in between by another transaction, under another
   * purpose, is found then: the call's work is undone and its records are decided one by one, so
   * the record under the taken ID is refused as a reuse and deducts nothing, and the other is
   * recorded once.
   */
  @Test
  void aRequestIdClaimedByAnotherTransactionDuringTheCallIsRefusedAsAReuseAndDeductsNothing() throws Exception {
    Sender s = sender("Raced Claims Sender", "100.00");
    String marketing = buy(s, 100, Purpose.PURPOSE_MARKETING);
    RecordUsageRequest taken = sms(Purpose.PURPOSE_MARKETING, 2);
    RecordUsageRequest other = sms(Purpose.PURPOSE_MARKETING, 4);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (var h = server.jdbi().open()) {
      h.begin();
      // Another request under the same ID, not committed yet.
      h.createUpdate("""
          insert into usage_records (account_id, usage_id, request_id, product_id, purpose, region_id, quantity,
                                     package_quantity, pay_as_you_go_quantity, currency, pay_as_you_go_unit_price,
                                     pay_as_you_go_charge, record_time, deduction_package_ids, deduction_quantities,
                                     deduction_remaining_after, deduction_purposes, fingerprint)
          values (:a, 'use-raced', :r, 'sms-domestic', 'VERIFICATION_NOTIFICATION', :region, 3, 0, 3, 'CNY', 0.05,
                  0.15, now(), '{}', '{}', '{}', '{}', '\\x00'::bytea)
          """).bind("a", s.accountId()).bind("r", taken.getRequestId()).bind("region", REGION).execute();
      Future<RecordUsagesResponse> call = pool.submit(() -> recordAll(s, taken, other));
      // On Citus the call waits on the account's worker: citus_lock_waits shows the cluster's waits.
      boolean citus = server.jdbi().withHandle(w -> w.createQuery(
          "select exists (select 1 from pg_extension where extname = 'citus')").mapTo(Boolean.class).one());
      String waiting = citus ? "select count(*) from citus_lock_waits"
          : "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%rp_record_%usages%'";
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (server.jdbi().withHandle(w -> w.createQuery(waiting).mapTo(Long.class).one()) == 0) {
        assertTrue(System.nanoTime() < deadline, "the call never waited for the other transaction's claim");
        Thread.sleep(20);
      }
      h.commit();
      RecordUsagesResponse answer = call.get(20, TimeUnit.SECONDS);

      assertEquals("IDEMPOTENCY_KEY_REUSED", reason(answer.getResults(0)));
      assertEquals(List.of(marketing + ":4"), deducted(answer.getResults(1).getUsageRecord()));
      assertEquals(96, remaining(s, marketing));
      assertEquals(2, usageRecords(s));
    } finally {
      pool.shutdownNow();
    }
  }
}
