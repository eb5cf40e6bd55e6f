package io.resourceplans.server;

import static io.resourceplans.server.testing.AlertFixtures.PRODUCT;
import static io.resourceplans.server.testing.AlertFixtures.REGION;
import static io.resourceplans.server.testing.Errors.assertInvalid;
import static io.resourceplans.server.testing.Errors.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.resourceplans.api.v1.AlertState;
import io.resourceplans.api.v1.CaptureUsageRequest;
import io.resourceplans.api.v1.CheckQuotaRequest;
import io.resourceplans.api.v1.CreateWebhookEndpointRequest;
import io.resourceplans.api.v1.GetHoldRequest;
import io.resourceplans.api.v1.GetPackageRequest;
import io.resourceplans.api.v1.GetPackageSummaryRequest;
import io.resourceplans.api.v1.Hold;
import io.resourceplans.api.v1.HoldStatus;
import io.resourceplans.api.v1.ListHoldsRequest;
import io.resourceplans.api.v1.PackageStatus;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.ReleaseUsageRequest;
import io.resourceplans.api.v1.ReserveUsageRequest;
import io.resourceplans.api.v1.WebhookEventKind;
import io.resourceplans.server.testing.AlertFixtures;
import io.resourceplans.server.testing.Buyers;
import io.resourceplans.server.testing.Ledger;
import io.resourceplans.server.testing.Moneys;
import io.resourceplans.server.testing.TestClocks;
import java.math.BigDecimal;
import io.resourceplans.server.testing.TestServer;
import io.resourceplans.server.mapping.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Quota holds end to end over gRPC (docs/holds.md): ReserveUsage takes units from packages in
 * burn-down order at once, CaptureUsage turns them into usage records, ReleaseUsage and the expiry
 * pass give the rest back, exactly once. After every test the account's units reconcile: for each
 * package, total = remaining + what usage records drew from it + what active holds hold of it, and
 * package_totals equals its rebuild from the packages.
 */
@Tag("citus")
class HoldsTest {
  private static final Purpose MARKETING = Purpose.PURPOSE_MARKETING;

  @RegisterExtension
  static final TestServer server = TestServer.forClass();

  private record Buyer(String accountId, String key) {}

  private static Buyer buyer(String name) {
    var account = AlertFixtures.buyer(server, name, "");
    return new Buyer(account.getAccount().getAccountId(), account.getApiKeySecret());
  }

  private static ReserveUsageRequest.Builder reserve(long quantity) {
    return ReserveUsageRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setProductId(PRODUCT)
        .setPurpose(MARKETING)
        .setRegionId(REGION)
        .setQuantity(quantity)
        .setTtlSeconds(600);
  }

  /**
   * The call, sent again (the same request, so the same request ID) while it answers ABORTED, as
   * the client does: under heavy contention, on Citus above all, the server may end a mutation
   * CONCURRENT_MODIFICATION after its own retries, and a resend decides it exactly once.
   */
  private static <T> T untilNotAborted(Supplier<T> call) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.ABORTED || attempt == 10) {
          throw e;
        }
        Thread.sleep(20L * attempt);
      }
    }
  }

  private static CaptureUsageRequest capture(String holdId, long quantity) {
    return CaptureUsageRequest.newBuilder().setRequestId(TestServer.requestId()).setHoldId(holdId).setQuantity(quantity).build();
  }

  private static ReleaseUsageRequest release(String holdId) {
    return ReleaseUsageRequest.newBuilder().setRequestId(TestServer.requestId()).setHoldId(holdId).build();
  }

  private static long remaining(Buyer b, String packageId) {
    return server.plan(b.key()).getPackage(GetPackageRequest.newBuilder().setPackageId(packageId).build())
        .getPackage().getRemainingQuantity();
  }

  private static long available(Buyer b) {
    return server.plan(b.key()).checkQuota(CheckQuotaRequest.newBuilder()
            .setProductId(PRODUCT).setPurpose(MARKETING).setRegionId(REGION).setQuantity(1).build())
        .getPackageRemainingQuantity();
  }

  private static long summary(Buyer b) {
    return server.plan(b.key()).getPackageSummary(GetPackageSummaryRequest.newBuilder().setProductId(PRODUCT).build())
        .getProductsList().stream().mapToLong(p -> p.getRemainingQuantity()).sum();
  }

  /** Two packages of 100, the first expiring a day before the second. */
  private static List<String> twoPackages(Buyer b) {
    String first = AlertFixtures.buy(server, b.key(), 100, MARKETING).getPackageId();
    server.clock.advance(Duration.ofDays(1));
    String second = AlertFixtures.buy(server, b.key(), 100, MARKETING).getPackageId();
    return List.of(first, second);
  }

  @Test
  void aHoldTakesUnitsInBurnDownOrderAtOnceAndCapturesTurnThemIntoUsageRecords() {
    Buyer b = buyer("Hold Shop");
    List<String> packages = twoPackages(b);
    Hold hold = server.plan(b.key()).reserveUsage(reserve(150).setTag("spring-sale").build()).getHold();
    assertTrue(hold.getHoldId().matches("hld-[0-9a-z]{16}"), hold.getHoldId());
    assertEquals(HoldStatus.HOLD_STATUS_ACTIVE, hold.getStatus());
    assertEquals(150, hold.getHeldQuantity());
    assertEquals("spring-sale", hold.getTag());
    assertEquals(List.of(packages.get(0), packages.get(1)),
        hold.getAllocationsList().stream().map(a -> a.getPackageId()).toList());
    assertEquals(List.of(100L, 50L), hold.getAllocationsList().stream().map(a -> a.getQuantity()).toList());
    // Held units are nobody else's: packages, CheckQuota and the summary no longer count them.
    assertEquals(0, remaining(b, packages.get(0)));
    assertEquals(50, remaining(b, packages.get(1)));
    assertEquals(50, available(b));
    assertEquals(50, summary(b));

    // A partial capture takes from the first package first; the packages do not change.
    var first = server.plan(b.key()).captureUsage(capture(hold.getHoldId(), 120));
    assertEquals(120, first.getUsageRecord().getQuantity());
    assertEquals(120, first.getUsageRecord().getPackageQuantity());
    assertEquals(List.of(100L, 20L), first.getUsageRecord().getDeductionsList().stream().map(d -> d.getQuantity()).toList());
    assertEquals(List.of(0L, 50L),
        first.getUsageRecord().getDeductionsList().stream().map(d -> d.getRemainingQuantity()).toList());
    assertEquals(HoldStatus.HOLD_STATUS_ACTIVE, first.getHold().getStatus());
    assertEquals(30, first.getHold().getHeldQuantity());
    assertEquals(120, first.getHold().getCapturedQuantity());
    assertEquals(50, available(b));

    // A second capture uses the hold up: CAPTURED.
    var second = server.plan(b.key()).captureUsage(capture(hold.getHoldId(), 30));
    assertEquals(HoldStatus.HOLD_STATUS_CAPTURED, second.getHold().getStatus());
    assertEquals(0, second.getHold().getHeldQuantity());
    assertTrue(second.getHold().hasFinishTime());
    assertEquals(second.getHold(),
        server.plan(b.key()).getHold(GetHoldRequest.newBuilder().setHoldId(hold.getHoldId()).build()).getHold());
    assertRefused(Status.Code.FAILED_PRECONDITION, "HOLD_NOT_ACTIVE",
        () -> server.plan(b.key()).captureUsage(capture(hold.getHoldId(), 1)));
    assertRefused(Status.Code.FAILED_PRECONDITION, "HOLD_NOT_ACTIVE",
        () -> server.plan(b.key()).releaseUsage(release(hold.getHoldId())));
    assertEquals(50, available(b));
    reconciles(b);
  }

  @Test
  void aReservationThePackagesDoNotCoverIsRefusedWholeAndHoldsNothing() {
    Buyer b = buyer("Short Shop");
    List<String> packages = twoPackages(b);
    StatusRuntimeException e = assertRefused(Status.Code.RESOURCE_EXHAUSTED, "QUOTA_EXHAUSTED",
        () -> server.plan(b.key()).reserveUsage(reserve(201).build()));
    assertTrue(e.getStatus().getDescription().contains("packages cover 200 of 201"), e.getStatus().getDescription());
    assertEquals(100, remaining(b, packages.get(0)));
    assertEquals(100, remaining(b, packages.get(1)));
    assertEquals(0, server.plan(b.key()).listHolds(ListHoldsRequest.getDefaultInstance()).getHoldsCount());
    assertRefused(Status.Code.NOT_FOUND, "PRODUCT_NOT_FOUND",
        () -> server.plan(b.key()).reserveUsage(reserve(1).setProductId("no-such-product").build()));
    assertRefused(Status.Code.NOT_FOUND, "REGION_NOT_FOUND",
        () -> server.plan(b.key()).reserveUsage(reserve(1).setRegionId("xx-nowhere-1").build()));
    assertInvalid(() -> server.plan(b.key()).reserveUsage(reserve(1).setTtlSeconds(0).build()), "ttl_seconds");
    assertInvalid(() -> server.plan(b.key()).reserveUsage(reserve(1).setTag("no spaces").build()), "tag");
    assertInvalid(() -> server.plan(b.key()).reserveUsage(reserve(0).build()), "quantity");
    reconciles(b);
  }

  @Test
  void aReleaseGivesEachPackageBackWhatTheHoldStillHolds() {
    Buyer b = buyer("Release Shop");
    List<String> packages = twoPackages(b);
    Hold hold = server.plan(b.key()).reserveUsage(reserve(150).build()).getHold();
    server.plan(b.key()).captureUsage(capture(hold.getHoldId(), 110));
    ReleaseUsageRequest request = release(hold.getHoldId());
    Hold released = server.plan(b.key()).releaseUsage(request).getHold();
    assertEquals(HoldStatus.HOLD_STATUS_RELEASED, released.getStatus());
    assertEquals(110, released.getCapturedQuantity());
    assertEquals(40, released.getReleasedQuantity());
    assertEquals(0, released.getHeldQuantity());
    assertEquals(List.of(0L, 40L), released.getAllocationsList().stream().map(a -> a.getReleasedQuantity()).toList());
    assertEquals(0, remaining(b, packages.get(0)));
    assertEquals(90, remaining(b, packages.get(1)));
    assertEquals(90, available(b));
    // The same request again answers the first release and gives nothing back twice.
    assertEquals(released, server.plan(b.key()).releaseUsage(request).getHold());
    assertEquals(90, remaining(b, packages.get(1)));
    reconciles(b);
  }

  @Test
  void capturesAreIdempotentByRequestIdAndNeverTakeMoreThanHeld() {
    Buyer b = buyer("Capture Shop");
    twoPackages(b);
    Hold hold = server.plan(b.key()).reserveUsage(reserve(50).build()).getHold();
    StatusRuntimeException e = assertRefused(Status.Code.FAILED_PRECONDITION, "HOLD_QUANTITY_EXCEEDED",
        () -> server.plan(b.key()).captureUsage(capture(hold.getHoldId(), 51)));
    assertTrue(e.getStatus().getDescription().contains("holds 50"), e.getStatus().getDescription());

    CaptureUsageRequest request = capture(hold.getHoldId(), 20);
    var first = server.plan(b.key()).captureUsage(request);
    var again = server.plan(b.key()).captureUsage(request);
    assertEquals(first, again);
    assertEquals(30, server.plan(b.key()).getHold(GetHoldRequest.newBuilder().setHoldId(hold.getHoldId()).build())
        .getHold().getHeldQuantity());
    // The capture's request ID is its usage record's: not a RecordUsage's, nor another capture's.
    assertEquals(request.getRequestId(), first.getUsageRecord().getRequestId());
    assertRefused(Status.Code.INVALID_ARGUMENT, "IDEMPOTENCY_KEY_REUSED",
        () -> server.plan(b.key()).captureUsage(request.toBuilder().setQuantity(21).build()));
    assertRefused(Status.Code.INVALID_ARGUMENT, "IDEMPOTENCY_KEY_REUSED",
        () -> server.plan(b.key()).recordUsage(RecordUsageRequest.newBuilder()
            .setRequestId(request.getRequestId()).setProductId(PRODUCT).setPurpose(MARKETING).setRegionId(REGION)
            .setQuantity(20).build()));
    // A reservation replayed answers the hold as made, and holds nothing more.
    server.clock.advance(Duration.ofSeconds(1));
    ReserveUsageRequest reservation = reserve(10).build();
    Hold made = server.plan(b.key()).reserveUsage(reservation).getHold();
    assertEquals(made, server.plan(b.key()).reserveUsage(reservation).getHold());
    assertEquals(200 - 50 - 10, available(b));
    // Another account sees none of these holds.
    Buyer other = buyer("Other Shop");
    assertRefused(Status.Code.NOT_FOUND, "HOLD_NOT_FOUND",
        () -> server.plan(other.key()).getHold(GetHoldRequest.newBuilder().setHoldId(hold.getHoldId()).build()));
    assertRefused(Status.Code.NOT_FOUND, "HOLD_NOT_FOUND",
        () -> server.plan(other.key()).captureUsage(capture(hold.getHoldId(), 1)));
    assertEquals(0, server.plan(other.key()).listHolds(ListHoldsRequest.getDefaultInstance()).getHoldsCount());
    var listed = server.plan(b.key()).listHolds(ListHoldsRequest.newBuilder()
        .setStatus(HoldStatus.HOLD_STATUS_ACTIVE).setPageSize(1).build());
    assertEquals(List.of(made.getHoldId()), listed.getHoldsList().stream().map(Hold::getHoldId).toList());
    var next = server.plan(b.key()).listHolds(ListHoldsRequest.newBuilder()
        .setStatus(HoldStatus.HOLD_STATUS_ACTIVE).setPageSize(1).setPageToken(listed.getNextPageToken()).build());
    assertEquals(List.of(hold.getHoldId()), next.getHoldsList().stream().map(Hold::getHoldId).toList());
    assertEquals("", next.getNextPageToken());
    reconciles(b);
  }

  @Test
  void concurrentReservationsCapturesAndUsageNeverOverCommitQuota() throws Exception {
    Buyer b = buyer("Busy Shop");
    for (int i = 0; i < 3; i++) {
      AlertFixtures.buy(server, b.key(), 300, MARKETING);
      server.clock.advance(Duration.ofHours(1));
    }
    int threads = 6;
    int rounds = 25;
    AtomicLong reserved = new AtomicLong();
    AtomicLong recorded = new AtomicLong();
    AtomicLong released = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long seed = 7919L * t;
      done.add(pool.submit((Callable<Void>) () -> {
        Random random = new Random(seed);
        start.await();
        for (int r = 0; r < rounds; r++) {
          try {
            switch (random.nextInt(3)) {
              case 0 -> {
                long q = 1 + random.nextInt(40);
                ReserveUsageRequest reservation = reserve(q).build();
                Hold h = untilNotAborted(() -> server.plan(b.key()).reserveUsage(reservation)).getHold();
                reserved.addAndGet(q);
                long c = random.nextInt((int) q + 1);
                if (c > 0) {
                  CaptureUsageRequest captured = capture(h.getHoldId(), c);
                  untilNotAborted(() -> server.plan(b.key()).captureUsage(captured));
                }
                if (random.nextBoolean()) {
                  ReleaseUsageRequest rest = release(h.getHoldId());
                  released.addAndGet(
                      untilNotAborted(() -> server.plan(b.key()).releaseUsage(rest)).getHold().getReleasedQuantity());
                }
              }
              default -> {
                long q = 1 + random.nextInt(20);
                RecordUsageRequest usage = RecordUsageRequest.newBuilder().setRequestId(TestServer.requestId())
                    .setProductId(PRODUCT).setPurpose(MARKETING).setRegionId(REGION).setQuantity(q).build();
                untilNotAborted(() -> server.plan(b.key()).recordUsage(usage));
                recorded.addAndGet(q);
              }
            }
          } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.RESOURCE_EXHAUSTED) {
              refused.incrementAndGet();
            } else {
              unexpected.add(e.getStatus().toString());
            }
          }
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertTrue(unexpected.isEmpty(), unexpected::toString);
    // Demand was more than the 900 units: some requests were refused, and none got more than there was.
    assertTrue(refused.get() > 0, "no refusal: the test did not exhaust the packages");
    assertTrue(reserved.get() - released.get() + recorded.get() <= 900,
        reserved.get() + " reserved - " + released.get() + " released + " + recorded.get() + " recorded");
    assertEquals(900 - (reserved.get() - released.get() + recorded.get()), available(b));
    reconciles(b);
  }

  @Test
  void anExpiredHoldIsReleasedExactlyOnceWhenTwoReplicasRunTheExpiryPassAtOnce() throws Exception {
    Buyer b = buyer("Expiry Shop");
    List<String> packages = twoPackages(b);
    server.activation(b.key()).createWebhookEndpoint(CreateWebhookEndpointRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setUrl("https://hooks.example.com/rp")
        .addEventKinds(WebhookEventKind.WEBHOOK_EVENT_KIND_HOLD_EXPIRED).build());
    List<String> holds = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      holds.add(server.plan(b.key()).reserveUsage(reserve(10).setTtlSeconds(60).build()).getHold().getHoldId());
    }
    String captured = holds.get(0);
    server.plan(b.key()).captureUsage(capture(captured, 4));
    assertEquals(80, available(b));
    server.clock.advance(Duration.ofSeconds(60));
    // Past its expire time a hold takes no capture, even before the pass has run.
    assertRefused(Status.Code.FAILED_PRECONDITION, "HOLD_EXPIRED",
        () -> server.plan(b.key()).captureUsage(capture(holds.get(1), 1)));

    // The pass spans accounts: other tests' holds may be due too.
    Long due = server.jdbi().withHandle(h -> h.createQuery(
            "select count(*) from holds where status = 'ACTIVE' and expire_time <= :now")
        .bind("now", server.clock.instant()).mapTo(Long.class).one());
    try (TestServer replica = server.replica()) {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> passes = new ArrayList<>();
      for (TestServer s : List.of(server, replica)) {
        passes.add(pool.submit(() -> {
          start.await();
          int n = 0;
          for (int i = 0; i < 3; i++) {
            n += s.component().holds().expireDue(server.clock.instant());
          }
          return n;
        }));
      }
      start.countDown();
      int expired = 0;
      for (Future<Integer> f : passes) {
        expired += f.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertEquals(due, (long) expired);
    }
    for (String id : holds) {
      Hold h = server.plan(b.key()).getHold(GetHoldRequest.newBuilder().setHoldId(id).build()).getHold();
      assertEquals(HoldStatus.HOLD_STATUS_EXPIRED, h.getStatus(), id);
      assertEquals(id.equals(captured) ? 6 : 10, h.getReleasedQuantity(), id);
    }
    // Everything not captured is back, once.
    assertEquals(196, available(b));
    assertEquals(196, remaining(b, packages.get(0)) + remaining(b, packages.get(1)));
    Long events = server.jdbi().withHandle(h -> h.createQuery("""
            select count(*) from webhook_deliveries where account_id = :a and event_kind = 'HOLD_EXPIRED'
            """).bind("a", b.accountId()).mapTo(Long.class).one());
    assertEquals(12L, events, () -> server.jdbi().withHandle(h -> h.createQuery(
        "select endpoint_id, event_id, payload from webhook_deliveries where account_id = :a")
        .bind("a", b.accountId()).mapToMap().list()).toString());
    assertEquals(0, server.component().holds().expireDue(server.clock.instant()));
    reconciles(b);
  }

  @Test
  void aHoldOfATestClockAccountExpiresByItsClockNotByRealTime() {
    // The account lives ten days ahead of real time: only its clock can make the hold due.
    Instant start = server.clock.instant().plus(Duration.ofDays(10));
    var clock = TestClocks.createClock(server, "hold clock", start);
    var account = TestClocks.testAccount(server, "Clocked Hold Shop", clock.getTestClockId());
    Buyers.verify(server, account);
    Buyers.fund(server, account, "1000.00", null);
    Buyer b = new Buyer(account.getAccount().getAccountId(), account.getApiKeySecret());
    AlertFixtures.buy(server, b.key(), 100, MARKETING);
    Hold hold = server.plan(b.key()).reserveUsage(reserve(30).setTtlSeconds(60).build()).getHold();
    assertEquals(start.plusSeconds(60), Timestamps.toInstant(hold.getExpireTime()));

    // Real time moves on: the account's clock does not, so the hold neither expires nor refuses captures.
    server.clock.advance(Duration.ofHours(1));
    server.component().holds().expireDue(server.clock.instant());
    server.plan(b.key()).captureUsage(capture(hold.getHoldId(), 5));
    assertEquals(HoldStatus.HOLD_STATUS_ACTIVE, get(b, hold).getStatus());

    // The account's clock passes the expiry: the pass releases it, at the account's time.
    server.operator().advanceTestClock(TestClocks.advance(clock.getTestClockId(), start.plusSeconds(61)));
    assertRefused(Status.Code.FAILED_PRECONDITION, "HOLD_EXPIRED",
        () -> server.plan(b.key()).captureUsage(capture(hold.getHoldId(), 1)));
    server.component().holds().expireDue(server.clock.instant());
    Hold expired = get(b, hold);
    assertEquals(HoldStatus.HOLD_STATUS_EXPIRED, expired.getStatus());
    assertEquals(25, expired.getReleasedQuantity());
    assertEquals(start.plusSeconds(61), Timestamps.toInstant(expired.getFinishTime()));
    assertEquals(95, available(b));
    reconciles(b);
  }

  private static Hold get(Buyer b, Hold hold) {
    return server.plan(b.key()).getHold(GetHoldRequest.newBuilder().setHoldId(hold.getHoldId()).build()).getHold();
  }

  @Test
  void anAlertFiresOnceOnTheCrossingAHoldCausesAndReArmsOnRelease() {
    Buyer b = buyer("Alert Hold Shop");
    AlertFixtures.buy(server, b.key(), 100, MARKETING);
    AlertFixtures.setThreshold(server, b.key(), MARKETING, 50);
    Hold hold = server.plan(b.key()).reserveUsage(reserve(60).build()).getHold();
    assertEquals(AlertState.ALERT_STATE_TRIGGERED, alertState(b));
    assertEquals(1, alerts(b));
    // A capture does not change what is left: no second alert.
    server.plan(b.key()).captureUsage(capture(hold.getHoldId(), 30));
    assertEquals(1, alerts(b));
    // The release brings 70 back, at least the threshold: re-armed; a new hold crosses again, once.
    server.plan(b.key()).releaseUsage(release(hold.getHoldId()));
    assertEquals(AlertState.ALERT_STATE_ARMED, alertState(b));
    server.plan(b.key()).reserveUsage(reserve(25).build());
    assertEquals(AlertState.ALERT_STATE_TRIGGERED, alertState(b));
    assertEquals(2, alerts(b));
    reconciles(b);
  }

  @Test
  void unitsReleasedIntoAPackageThatExpiredMeanwhileExpireWithIt() {
    Buyer b = buyer("Lapse Shop");
    String whole = AlertFixtures.buy(server, b.key(), 100, MARKETING).getPackageId();
    Hold all = server.plan(b.key()).reserveUsage(reserve(100).setTtlSeconds(604_800).build()).getHold();
    String part = AlertFixtures.buy(server, b.key(), 100, MARKETING).getPackageId();
    Hold some = server.plan(b.key()).reserveUsage(reserve(40).setTtlSeconds(604_800).build()).getHold();
    assertEquals(part, some.getAllocations(0).getPackageId());
    // Both packages expire (12 months) while the holds last; the expiry pass marks the one with
    // units left as lapsed (the exhausted one is not).
    server.clock.advance(Duration.ofDays(366));
    server.expiryReminders().runOnce(server.clock.instant());
    // The holds' own expiry is later than the packages': release them by hand.
    server.clock.advance(Duration.ofDays(-366 + 6));
    server.plan(b.key()).releaseUsage(release(all.getHoldId()));
    server.plan(b.key()).releaseUsage(release(some.getHoldId()));
    server.clock.advance(Duration.ofDays(366 - 6));
    // The units went back, and they are as expired as their packages: nothing usable.
    assertEquals(100, remaining(b, whole));
    assertEquals(100, remaining(b, part));
    for (String id : List.of(whole, part)) {
      assertEquals(PackageStatus.PACKAGE_STATUS_EXPIRED,
          server.plan(b.key()).getPackage(GetPackageRequest.newBuilder().setPackageId(id).build()).getPackage().getStatus());
    }
    assertEquals(0, available(b));
    assertEquals(0, summary(b));
    server.expiryReminders().runOnce(server.clock.instant());
    assertEquals(0, summary(b));
    reconciles(b);
  }

  @Test
  void theUnitsThePackagesDoNotCoverAreHeldPayAsYouGoAndWhatIsNotCapturedIsPaidBack() {
    Buyer b = buyer("Metered Hold Shop");
    String pkg = AlertFixtures.buy(server, b.key(), 100, MARKETING).getPackageId();
    // Without pay-as-you-go, 150 is more than the packages cover.
    assertRefused(Status.Code.RESOURCE_EXHAUSTED, "QUOTA_EXHAUSTED",
        () -> server.plan(b.key()).reserveUsage(reserve(150).build()));
    Buyers.activatePayAsYouGo(server, b.key(), PRODUCT, REGION);
    BigDecimal before = available(server, b);

    Hold hold = server.plan(b.key()).reserveUsage(reserve(150).build()).getHold();
    assertEquals(150, hold.getQuantity());
    assertEquals(List.of(100L), hold.getAllocationsList().stream().map(a -> a.getQuantity()).toList());
    assertEquals(50, hold.getPayAsYouGoQuantity());
    BigDecimal price = Moneys.amount(hold.getPayAsYouGoUnitPrice());
    assertEquals(charge(50, price), cents(hold.getPayAsYouGoAmount()));
    // The money leaves the wallet at reservation.
    assertEquals(before.subtract(charge(50, price)), available(server, b));
    assertEquals(0, remaining(b, pkg));

    // Packages' units are captured first, then pay-as-you-go units, charged cumulatively.
    var first = server.plan(b.key()).captureUsage(capture(hold.getHoldId(), 107)).getUsageRecord();
    assertEquals(100, first.getPackageQuantity());
    assertEquals(7, first.getPayAsYouGoQuantity());
    assertEquals(charge(7, price), cents(first.getPayAsYouGoCharge()));
    var second = server.plan(b.key()).captureUsage(capture(hold.getHoldId(), 6)).getUsageRecord();
    assertEquals(0, second.getPackageQuantity());
    assertEquals(charge(13, price).subtract(charge(7, price)), cents(second.getPayAsYouGoCharge()));
    // Captures move no money: it moved at reservation.
    assertEquals(before.subtract(charge(50, price)), available(server, b));

    Hold released = server.plan(b.key()).releaseUsage(release(hold.getHoldId())).getHold();
    assertEquals(37, released.getReleasedQuantity());
    assertEquals(13, released.getPayAsYouGoCapturedQuantity());
    assertEquals(charge(50, price).subtract(charge(13, price)), cents(released.getPayAsYouGoReleasedAmount()));
    // What the hold cost in the end: its captured units, rounded once.
    assertEquals(before.subtract(charge(13, price)), available(server, b));
    BigDecimal holdEntries = server.jdbi().withHandle(h -> h.createQuery("""
            select coalesce(sum(amount), 0) from ledger_entries
             where account_id = :a and kind in ('HOLD', 'HOLD_RELEASE')
            """).bind("a", b.accountId()).mapTo(BigDecimal.class).one());
    assertEquals(0, charge(13, price).negate().compareTo(holdEntries), holdEntries::toPlainString);
    Ledger.assertBalancesEqualLedgerSums(server.jdbi(), b.accountId());
    reconciles(b);
  }

  @Test
  void aHoldWithoutPackagesIsAllPayAsYouGoAndReadsBackWithNoAllocations() {
    Buyer b = buyer("No Package Hold Shop");
    Buyers.activatePayAsYouGo(server, b.key(), PRODUCT, REGION);
    BigDecimal before = available(server, b);

    Hold hold = server.plan(b.key()).reserveUsage(reserve(20).build()).getHold();
    assertEquals(0, hold.getAllocationsCount());
    assertEquals(20, hold.getPayAsYouGoQuantity());
    assertEquals(hold, server.plan(b.key()).getHold(GetHoldRequest.newBuilder().setHoldId(hold.getHoldId()).build())
        .getHold());
    assertEquals(List.of(hold), server.plan(b.key()).listHolds(ListHoldsRequest.getDefaultInstance()).getHoldsList());

    var used = server.plan(b.key()).captureUsage(capture(hold.getHoldId(), 5)).getUsageRecord();
    assertEquals(0, used.getPackageQuantity());
    assertEquals(5, used.getPayAsYouGoQuantity());
    Hold released = server.plan(b.key()).releaseUsage(release(hold.getHoldId())).getHold();
    assertEquals(HoldStatus.HOLD_STATUS_RELEASED, released.getStatus());
    assertEquals(List.of(5L, 15L), List.of(released.getCapturedQuantity(), released.getReleasedQuantity()));
    BigDecimal price = Moneys.amount(hold.getPayAsYouGoUnitPrice());
    assertEquals(before.subtract(charge(5, price)), available(server, b));
    Ledger.assertBalancesEqualLedgerSums(server.jdbi(), b.accountId());
  }

  @Test
  void aPayAsYouGoHoldTheWalletCannotPayIsRefusedWhole() {
    Buyer b = buyer("Thin Wallet Shop");
    String pkg = AlertFixtures.buy(server, b.key(), 100, MARKETING).getPackageId();
    Buyers.activatePayAsYouGo(server, b.key(), PRODUCT, REGION);
    BigDecimal before = available(server, b);
    assertRefused(Status.Code.FAILED_PRECONDITION, "INSUFFICIENT_BALANCE",
        () -> server.plan(b.key()).reserveUsage(reserve(100_000_000).build()));
    assertEquals(100, remaining(b, pkg));
    assertEquals(before, available(server, b));
    assertEquals(0, server.plan(b.key()).listHolds(ListHoldsRequest.getDefaultInstance()).getHoldsCount());
  }

  private static BigDecimal charge(long units, BigDecimal price) {
    return price.multiply(BigDecimal.valueOf(units)).setScale(2, java.math.RoundingMode.HALF_UP);
  }

  private static BigDecimal available(TestServer server, Buyer b) {
    var w = server.plan(b.key()).getWallet(io.resourceplans.api.v1.GetWalletRequest.getDefaultInstance()).getWallet();
    return cents(w.getAvailable());
  }

  /** An amount of whole cents, at scale 2 (so equal amounts are equal BigDecimals). */
  private static BigDecimal cents(com.google.type.Money m) {
    return Moneys.amount(m).setScale(2, java.math.RoundingMode.UNNECESSARY);
  }

  private static AlertState alertState(Buyer b) {
    return server.plan(b.key()).listAlertSettings(io.resourceplans.api.v1.ListAlertSettingsRequest.newBuilder()
            .setProductId(PRODUCT).build())
        .getAlertSettingsList().stream().filter(s -> s.getPurpose() == MARKETING).findFirst().orElseThrow().getState();
  }

  private static long alerts(Buyer b) {
    return AlertFixtures.outbox(server, b.accountId(), "QUOTA_ALERT").stream()
        .filter(r -> r.get("channel").equals("INTERNAL_MESSAGE")).count();
  }

  /**
   * For each package of the account: total = remaining + Σ what usage records drew from it + Σ
   * what active holds hold of it; a hold's quantity = captured + released + held; and the
   * account's package_totals are what rp_rebuild_package_totals makes of its packages.
   */
  private static void reconciles(Buyer b) {
    List<Map<String, Object>> rows = server.jdbi().withHandle(h -> h.createQuery("""
            select p.package_id, p.total_quantity, p.remaining_quantity,
                   (select coalesce(sum(d.q), 0) from usage_records u
                      cross join lateral unnest(u.deduction_package_ids, u.deduction_quantities) as d(pid, q)
                     where u.account_id = p.account_id and d.pid = p.package_id) as used,
                   (select coalesce(sum(a.quantity - a.captured - a.released), 0) from hold_allocations a
                      join holds o on o.account_id = a.account_id and o.hold_id = a.hold_id and o.status = 'ACTIVE'
                     where a.account_id = p.account_id and a.package_id = p.package_id) as held
              from packages p where p.account_id = :a
            """).bind("a", b.accountId()).mapToMap().list());
    assertFalse(rows.isEmpty());
    for (Map<String, Object> r : rows) {
      long total = ((Number) r.get("total_quantity")).longValue();
      long sum = ((Number) r.get("remaining_quantity")).longValue() + ((Number) r.get("used")).longValue()
          + ((Number) r.get("held")).longValue();
      assertEquals(total, sum, () -> "package " + r);
    }
    Long inconsistentHolds = server.jdbi().withHandle(h -> h.createQuery("""
            select count(*) from holds o
             where o.account_id = :a
               and (o.quantity, o.captured_quantity, o.released_quantity)
                   <> (select coalesce(sum(a.quantity), 0) + o.payg_quantity, coalesce(sum(a.captured), 0) + o.payg_captured,
                              coalesce(sum(a.released), 0) + o.payg_released
                         from hold_allocations a
                        where a.account_id = o.account_id and a.hold_id = o.hold_id)
            """).bind("a", b.accountId()).mapTo(Long.class).one());
    assertEquals(0L, inconsistentHolds);
    // package_totals as rp_rebuild_package_totals would make them from the packages (V21), read
    // without rebuilding (that function also unmarks lapsed packages by the database's real time).
    Long wrongTotals = server.jdbi().withHandle(h -> h.createQuery("""
            select count(*) from (
              select product_id, region_id, purpose,
                     coalesce(sum(remaining_quantity) filter (where not lapsed), 0) as remaining,
                     count(*) filter (where not exhausted and not lapsed) as packages
                from packages where account_id = :a group by product_id, region_id, purpose
              except
              select product_id, region_id, purpose, remaining, packages from package_totals where account_id = :a) d
            """).bind("a", b.accountId()).mapTo(Long.class).one());
    assertEquals(0L, wrongTotals, "package_totals kept by the hold path differ from the packages");
    Long wrongMarkers = server.jdbi().withHandle(h -> h.createQuery(
            "select count(*) from packages where account_id = :a and exhausted <> (remaining_quantity = 0)")
        .bind("a", b.accountId()).mapTo(Long.class).one());
    assertEquals(0L, wrongMarkers, "a package's exhausted marker disagrees with its remaining quantity");
  }
}
