package io.resourceplans.storage.services;

import static io.resourceplans.storage.services.ServiceFixtures.REGION;
import static io.resourceplans.storage.services.ServiceFixtures.SMS;
import static io.resourceplans.storage.services.ServiceFixtures.assertRefused;
import static io.resourceplans.storage.services.ServiceFixtures.cny;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.billing.LedgerEntry;
import io.resourceplans.domain.billing.LedgerEntryKind;
import io.resourceplans.domain.billing.Wallet;
import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.idempotency.IdempotencyKey;
import io.resourceplans.domain.quota.PackageDeduction;
import io.resourceplans.domain.quota.QuotaCheck;
import io.resourceplans.domain.quota.UsageRecord;
import io.resourceplans.domain.quota.UsageRepository;
import io.resourceplans.domain.quota.UsageService;
import io.resourceplans.storage.services.ServiceFixtures.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * UsageService on the real database, without the server: burn-down order, greedy deduction, the
 * all-or-nothing refusal, pay-as-you-go, retries and CheckQuota. Rules that the one-call path
 * (rp_record_covered_usages) and the Java full path both implement run on both.
 */
class UsageServiceTest {
  private static final Purpose VERIFICATION = Purpose.VERIFICATION_NOTIFICATION;
  private static final Purpose MARKETING = Purpose.MARKETING;
  private static final Purpose GENERAL = Purpose.GENERAL;

  @RegisterExtension static final ServiceFixtures f = ServiceFixtures.start();

  private static UsageRecord record(UsageService service, Principal buyer, Purpose purpose, long quantity) {
    return service.record(buyer, f.usageKey(buyer, purpose, quantity), SMS, purpose, quantity, REGION);
  }

  private static List<String> deducted(UsageRecord r) {
    return r.deductions().stream().map(d -> d.packageId() + ":" + d.quantity()).toList();
  }

  private static QuotaCheck check(Principal buyer, Purpose purpose, long quantity) {
    return f.usage.check(buyer, SMS, purpose, quantity, REGION);
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void burnDownTakesExactPurposeBeforeGeneralThenEarliestExpiryThenOldestPurchaseThenPackageId(Path path) {
    Principal buyer = f.newAccount("Burn Down " + path);
    Instant now = f.clock.instant();
    Instant soon = now.plus(Duration.ofDays(10));
    Instant later = now.plus(Duration.ofDays(20));
    Instant old = now.minus(Duration.ofDays(5));
    Instant recent = now.minus(Duration.ofDays(1));
    // Each criterion is laid out so that every later one (and the package ID) points the other way.
    f.laidOut(buyer, "p0-general", GENERAL, 10, old, soon);
    f.laidOut(buyer, "p9-soonest", MARKETING, 10, recent, soon);
    f.laidOut(buyer, "p5-oldest", MARKETING, 10, old, later);
    f.laidOut(buyer, "p2-tie", MARKETING, 10, recent, later);
    f.laidOut(buyer, "p1-tie", MARKETING, 10, recent, later);
    // Never drawn: expired, expiring exactly now, another purpose.
    f.laidOut(buyer, "p00-expired", MARKETING, 10, old, now.minus(Duration.ofSeconds(1)));
    f.laidOut(buyer, "p01-ends-now", MARKETING, 10, old, now);
    f.laidOut(buyer, "p02-verification", VERIFICATION, 10, old, soon);

    UsageRecord first = record(f.usage(path), buyer, MARKETING, 35);
    assertEquals(List.of("p9-soonest:10", "p5-oldest:10", "p1-tie:10", "p2-tie:5"), deducted(first));
    // General quota only once the exact purpose's is gone.
    UsageRecord second = record(f.usage(path), buyer, MARKETING, 10);
    assertEquals(List.of("p2-tie:5", "p0-general:5"), deducted(second));
    assertEquals(
        List.of(new PackageDeduction("p2-tie", MARKETING, 5, 0), new PackageDeduction("p0-general", GENERAL, 5, 5)),
        second.deductions());
    for (String untouched : List.of("p00-expired", "p01-ends-now", "p02-verification")) {
      assertEquals(10, f.remaining(buyer, untouched), untouched);
    }
    assertEquals(5, f.remaining(buyer, "p0-general"));
  }

  @Test
  void aRequestSpanningPackagesEmptiesEachInTurnAndRecordsWhatIsLeft() {
    Principal buyer = f.newAccount("Greedy Sender");
    f.fund(buyer, "1000.00", null);
    String a = f.buy(buyer, 100, VERIFICATION);
    f.clock.advance(Duration.ofMinutes(1));
    String b = f.buy(buyer, 200, VERIFICATION);
    String g = f.buyGeneral(buyer);

    UsageRecord r = f.use(buyer, VERIFICATION, 350);
    assertEquals(
        List.of(
            new PackageDeduction(a, VERIFICATION, 100, 0),
            new PackageDeduction(b, VERIFICATION, 200, 0),
            new PackageDeduction(g, GENERAL, 50, 50)),
        r.deductions());
    assertEquals(350, r.packageQuantity());
    assertEquals(0, r.payAsYouGoQuantity());
    assertTrue(r.payAsYouGoCharge().isZero());
    assertEquals(List.of(0L, 0L, 50L), List.of(f.remaining(buyer, a), f.remaining(buyer, b), f.remaining(buyer, g)));
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void aShortfallWithoutPayAsYouGoIsRefusedWholeAndChangesNothing(Path path) {
    Principal buyer = f.newAccount("Short Sender " + path);
    f.fund(buyer, "100.00", null);
    String pkg = f.buy(buyer, 100, VERIFICATION);
    IdempotencyKey key = f.usageKey(buyer, VERIFICATION, 150);

    DomainException e = assertRefused(ErrorCode.QUOTA_EXHAUSTED,
        () -> f.usage(path).record(buyer, key, SMS, VERIFICATION, 150, REGION));
    assertEquals(Map.of("requested", "150", "available", "100"), e.metadata());
    assertEquals(100, f.remaining(buyer, pkg));
    assertTrue(f.tx(tx -> tx.get(UsageRepository.class).findByRequest(buyer.accountId(), key.requestId())).isEmpty());
    assertEquals(cny("95.60"), f.wallet(buyer).cash(), "nothing charged beyond the package");

    // The refused request ID was not used up: once there is quota, the same request goes through.
    f.buy(buyer, 100, VERIFICATION);
    UsageRecord served = f.usage(path).record(buyer, key, SMS, VERIFICATION, 150, REGION);
    assertEquals(150, served.packageQuantity());
    // And once served, a retry gets that answer even when the quota has run out since.
    record(f.usage(path), buyer, VERIFICATION, 50);
    assertEquals(served, f.usage(path).record(buyer, key, SMS, VERIFICATION, 150, REGION));
  }

  @Test
  void withPayAsYouGoTheRestIsChargedToTheWalletAtTheProductsPrice() {
    Principal buyer = f.newAccount("Overflow Sender");
    f.fund(buyer, "10.00", "1.00");
    String pkg = f.buy(buyer, 100, VERIFICATION); // 4.40 from gift 1.00 and cash 3.40
    f.activatePayAsYouGo(buyer);

    UsageRecord r = f.use(buyer, VERIFICATION, 150);
    assertEquals(List.of(pkg + ":100"), deducted(r));
    assertEquals(100, r.packageQuantity());
    assertEquals(50, r.payAsYouGoQuantity());
    assertEquals(cny("0.045"), r.payAsYouGoUnitPrice());
    assertEquals(cny("2.25"), r.payAsYouGoCharge());
    assertEquals(cny("4.35"), f.wallet(buyer).cash()); // 6.60 - 2.25
    LedgerEntry charge = f.ledger(buyer).stream()
        .filter(e -> e.kind() == LedgerEntryKind.USAGE_CHARGE)
        .findFirst()
        .orElseThrow();
    assertEquals(cny("-2.25"), charge.amount());
    assertEquals(r.usageId(), charge.usageId());

    // With no package left, all of it is pay-as-you-go, at the purpose's own price.
    UsageRecord marketing = f.use(buyer, MARKETING, 10);
    assertEquals(List.of(), marketing.deductions());
    assertEquals(cny("0.55"), marketing.payAsYouGoCharge());
    assertEquals(cny("3.80"), f.wallet(buyer).cash());
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void payAsYouGoBeyondTheWalletIsRefusedAndDeductsNothing(Path path) {
    Principal buyer = f.newAccount("Broke Sender " + path);
    f.fund(buyer, "6.60", null);
    String pkg = f.buy(buyer, 100, VERIFICATION); // 2.20 left; 50 more cost 2.25
    f.activatePayAsYouGo(buyer);
    Wallet before = f.wallet(buyer);

    assertRefused(ErrorCode.INSUFFICIENT_BALANCE, () -> record(f.usage(path), buyer, VERIFICATION, 150));
    assertEquals(100, f.remaining(buyer, pkg));
    assertEquals(before.cash(), f.wallet(buyer).cash());
    assertEquals(1, f.ledger(buyer).stream().filter(e -> e.kind() == LedgerEntryKind.ORDER_PAYMENT).count());
    assertEquals(0, f.ledger(buyer).stream().filter(e -> e.kind() == LedgerEntryKind.USAGE_CHARGE).count());
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void aRetryGetsTheFirstAnswerAndNothingIsDeductedOrChargedTwice(Path path) {
    Principal buyer = f.newAccount("Retrying Sender " + path);
    f.fund(buyer, "100.00", null);
    String pkg = f.buy(buyer, 100, MARKETING); // 95.40 left
    f.activatePayAsYouGo(buyer);

    IdempotencyKey covered = f.usageKey(buyer, MARKETING, 30);
    UsageRecord first = f.usage(path).record(buyer, covered, SMS, MARKETING, 30, REGION);
    assertEquals(first, f.usage(path).record(buyer, covered, SMS, MARKETING, 30, REGION));
    assertEquals(70, f.remaining(buyer, pkg));

    IdempotencyKey overflow = f.usageKey(buyer, MARKETING, 80);
    UsageRecord charged = f.usage(path).record(buyer, overflow, SMS, MARKETING, 80, REGION);
    assertEquals(10, charged.payAsYouGoQuantity());
    // Retried once the quota is gone: the first answer, not another charge or a refusal.
    assertEquals(charged, f.usage(path).record(buyer, overflow, SMS, MARKETING, 80, REGION));
    assertEquals(first, f.usage(path).record(buyer, covered, SMS, MARKETING, 30, REGION));
    assertEquals(0, f.remaining(buyer, pkg));
    assertEquals(cny("94.85"), f.wallet(buyer).cash());

    // The same request ID with other content is refused and changes nothing.
    IdempotencyKey reused = ServiceFixtures.usageKey(buyer, covered.requestId(), MARKETING, 31);
    assertRefused(ErrorCode.IDEMPOTENCY_KEY_REUSED,
        () -> f.usage(path).record(buyer, reused, SMS, MARKETING, 31, REGION));
    assertEquals(cny("94.85"), f.wallet(buyer).cash());
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void concurrentCopiesOfOneRequestGetOneAnswerAndDeductOnce(Path path) throws Exception {
    Principal buyer = f.newAccount("Eager Sender " + path);
    f.fund(buyer, "100.00", null);
    String pkg = f.buy(buyer, 1_000, MARKETING);
    IdempotencyKey key = f.usageKey(buyer, MARKETING, 7);
    int copies = 6;
    ExecutorService pool = Executors.newFixedThreadPool(copies);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<UsageRecord>> answers = new ArrayList<>();
      for (int i = 0; i < copies; i++) {
        answers.add(pool.submit(() -> {
          go.await();
          return f.usage(path).record(buyer, key, SMS, MARKETING, 7, REGION);
        }));
      }
      go.countDown();
      UsageRecord first = answers.get(0).get(30, TimeUnit.SECONDS);
      for (Future<UsageRecord> answer : answers) {
        assertEquals(first, answer.get(30, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(993, f.remaining(buyer, pkg));
  }

  @Test
  void checkQuotaForecastsWhatRecordUsageThenDoesAndReservesNothing() {
    Principal buyer = f.newAccount("Forecast Sender");
    f.fund(buyer, "10.60", null);
    String exact = f.buy(buyer, 100, VERIFICATION);
    String general = f.buyGeneral(buyer); // 10.60 - 4.40 - 5.00: 1.20 left

    // No pay-as-you-go: a shortfall is QUOTA_EXHAUSTED, in the check and in the recording.
    QuotaCheck exhausted = check(buyer, VERIFICATION, 250);
    assertFalse(exhausted.allowed());
    assertEquals(ErrorCode.QUOTA_EXHAUSTED, exhausted.denial());
    assertEquals(200, exhausted.packageRemaining());
    assertFalse(exhausted.payAsYouGoActive());
    assertRefused(ErrorCode.QUOTA_EXHAUSTED, () -> f.use(buyer, VERIFICATION, 250));

    QuotaCheck covered = check(buyer, VERIFICATION, 120);
    assertEquals(List.of(100L, 100L), List.of(f.remaining(buyer, exact), f.remaining(buyer, general)),
        "a check deducts nothing");
    UsageRecord coveredRecord = f.use(buyer, VERIFICATION, 120);
    assertTrue(covered.allowed());
    assertNull(covered.denial());
    assertEquals(coveredRecord.packageQuantity(), covered.packageQuantity());
    assertEquals(coveredRecord.payAsYouGoQuantity(), covered.payAsYouGoQuantity());

    f.activatePayAsYouGo(buyer);
    QuotaCheck overflow = check(buyer, VERIFICATION, 100); // 80 from the general package, 20 × 0.045
    UsageRecord overflowRecord = f.use(buyer, VERIFICATION, 100);
    assertTrue(overflow.allowed());
    assertTrue(overflow.payAsYouGoActive());
    assertEquals(80, overflow.packageRemaining());
    assertEquals(List.of(overflowRecord.packageQuantity(), overflowRecord.payAsYouGoQuantity()),
        List.of(overflow.packageQuantity(), overflow.payAsYouGoQuantity()));
    assertEquals(overflowRecord.payAsYouGoCharge(), overflow.estimatedCharge());
    assertEquals(cny("0.90"), overflow.estimatedCharge());

    // 0.30 left: 10 more cost 0.45.
    QuotaCheck broke = check(buyer, VERIFICATION, 10);
    assertFalse(broke.allowed());
    assertEquals(ErrorCode.INSUFFICIENT_BALANCE, broke.denial());
    assertEquals(cny("0.45"), broke.estimatedCharge());
    assertRefused(ErrorCode.INSUFFICIENT_BALANCE, () -> f.use(buyer, VERIFICATION, 10));
    assertEquals(cny("0.30"), f.wallet(buyer).cash());
  }

  @Test
  void anotherAccountsRequestIdScopeIsRejectedBeforeAnythingHappens() {
    Principal buyer = f.newAccount("Scoped Sender");
    Principal other = f.newAccount("Other Sender");
    f.fund(buyer, "10.00", null);
    String pkg = f.buy(buyer, 100, VERIFICATION);
    IdempotencyKey othersKey = f.usageKey(other, VERIFICATION, 1);
    assertThrows(IllegalArgumentException.class,
        () -> f.usage.record(buyer, othersKey, SMS, VERIFICATION, 1, REGION));
    assertEquals(100, f.remaining(buyer, pkg));
  }
}
