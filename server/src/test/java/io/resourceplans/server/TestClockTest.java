package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertInvalid;
import static io.resourceplans.server.testing.Errors.assertRefused;
import static io.resourceplans.server.testing.Moneys.cny;
import static io.resourceplans.server.testing.TestClocks.advance;
import static io.resourceplans.server.testing.TestClocks.buyPackage;
import static io.resourceplans.server.testing.TestClocks.createClock;
import static io.resourceplans.server.testing.TestClocks.reminders;
import static io.resourceplans.server.testing.TestClocks.testAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.resourceplans.api.v1.AdvanceTestClockRequest;
import io.resourceplans.api.v1.CheckQuotaRequest;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.CreateOrderRequest;
import io.resourceplans.api.v1.CreateTestClockRequest;
import io.resourceplans.api.v1.GetOrderRequest;
import io.resourceplans.api.v1.GetPackageRequest;
import io.resourceplans.api.v1.GetPackageSummaryRequest;
import io.resourceplans.api.v1.GetTestClockRequest;
import io.resourceplans.api.v1.InternalMessage;
import io.resourceplans.api.v1.IssueVoucherRequest;
import io.resourceplans.api.v1.ListNotificationsRequest;
import io.resourceplans.api.v1.ListPackagesRequest;
import io.resourceplans.api.v1.ListTestClocksRequest;
import io.resourceplans.api.v1.ListVouchersRequest;
import io.resourceplans.api.v1.LookupAccountRequest;
import io.resourceplans.api.v1.NotificationKind;
import io.resourceplans.api.v1.NotificationStatus;
import io.resourceplans.api.v1.OrderState;
import io.resourceplans.api.v1.Package;
import io.resourceplans.api.v1.PackageStatus;
import io.resourceplans.api.v1.PayOrderRequest;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.TestClock;
import io.resourceplans.api.v1.VoucherState;
import io.resourceplans.domain.clock.TestClockSettings;
import io.resourceplans.server.mapping.Timestamps;
import io.resourceplans.server.testing.Buyers;
import io.resourceplans.server.testing.TestClocks;
import io.resourceplans.server.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Test clocks end to end over gRPC: a test account's packages expire, its reminders go out at their
 * real offsets (in order, once) and its orders and vouchers lapse when the operator advances its
 * clock, while a real account with an identically dated package is untouched; the refusals.
 */
@Tag("citus")
class TestClockTest {
  private static final String SPEC = TestClocks.SPEC;
  private static final String REGION = TestClocks.REGION;
  @RegisterExtension
  static final TestServer server = TestServer.forClass();

  private static Package pkg(String key, String packageId) {
    return server.plan(key).getPackage(GetPackageRequest.newBuilder().setPackageId(packageId).build()).getPackage();
  }

  private static RecordUsageRequest usage(long quantity) {
    return RecordUsageRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setProductId("sms-domestic")
        .setPurpose(Purpose.PURPOSE_VERIFICATION_NOTIFICATION)
        .setQuantity(quantity)
        .setRegionId(REGION)
        .build();
  }

  @Test
  void oneBigStepExpiresThePackageAfterTheThreeRemindersInOrderAndLeavesRealAccountsAlone() {
    Instant start = server.clock.instant();
    TestClock clock = createClock(server, "big step", start);
    assertEquals(0, clock.getAccountCount());
    assertTrue(clock.getTestClockId().startsWith("clk-"));

    CreateAccountResponse test = testAccount(server, "Clocked Shop", clock.getTestClockId());
    assertEquals(clock.getTestClockId(), test.getAccount().getTestClockId());
    CreateAccountResponse real = server.newAccount("Real Shop");
    assertEquals("", real.getAccount().getTestClockId());
    assertEquals(clock.getTestClockId(),
        server.operator().lookupAccount(LookupAccountRequest.newBuilder().setAccountId(test.getAccount().getAccountId()).build())
            .getAccount().getTestClockId());

    Package testPkg = buyPackage(server, test);
    Package realPkg = buyPackage(server, real);
    Instant expiry = start.atZone(ZoneOffset.UTC).plusMonths(12).toInstant();
    assertEquals(Timestamps.of(expiry), testPkg.getExpireTime());
    assertEquals(testPkg.getExpireTime(), realPkg.getExpireTime());
    String key = test.getApiKeySecret();
    server.plan(key).recordUsage(usage(100));

    AdvanceTestClockRequest step = advance(clock.getTestClockId(), expiry.plus(Duration.ofDays(1)));
    TestClock advanced = server.operator().advanceTestClock(step).getTestClock();
    assertEquals(Timestamps.of(expiry.plus(Duration.ofDays(1))), advanced.getFrozenTime());
    assertEquals(1, advanced.getAccountCount());

    // The reminders a real timeline would have sent, in order, each dated when it became due.
    List<InternalMessage> sent = reminders(server, key);
    assertEquals(3, sent.size(), () -> "reminders " + sent);
    int[] offsets = {30, 7, 1};
    for (int i = 0; i < 3; i++) {
      assertEquals(Timestamps.of(expiry.minus(Duration.ofDays(offsets[i]))), sent.get(i).getCreateTime());
      assertTrue(sent.get(i).getTitle().contains("expires in " + offsets[i] + " day"), sent.get(i).getTitle());
      assertEquals(testPkg.getPackageId(), sent.get(i).getPackageId());
      assertTrue(sent.get(i).getBody().contains("900"), "remaining as of then: " + sent.get(i).getBody());
    }

    // Expired: status, lists, summary, and usage no longer covered by it.
    assertEquals(PackageStatus.PACKAGE_STATUS_EXPIRED, pkg(key, testPkg.getPackageId()).getStatus());
    assertEquals(PackageStatus.PACKAGE_STATUS_EXPIRED,
        server.plan(key).listPackages(ListPackagesRequest.getDefaultInstance()).getPackages(0).getStatus());
    assertEquals(0, server.plan(key)
        .getPackageSummary(GetPackageSummaryRequest.newBuilder().setProductId("sms-domestic").build())
        .getProducts(0).getRemainingQuantity());
    assertRefused(Status.Code.RESOURCE_EXHAUSTED, "QUOTA_EXHAUSTED", () -> server.plan(key).recordUsage(usage(1)));
    var check = server.plan(key).checkQuota(CheckQuotaRequest.newBuilder()
        .setProductId("sms-domestic").setPurpose(Purpose.PURPOSE_VERIFICATION_NOTIFICATION).setQuantity(1).setRegionId(REGION).build());
    assertFalse(check.getAllowed());
    assertEquals(0, check.getPackageRemainingQuantity());

    // Queued in the outbox as usual (internal message and email), and the dispatcher takes them now.
    var queued = server.operator().listNotifications(ListNotificationsRequest.newBuilder()
        .setAccountId(test.getAccount().getAccountId()).build()).getNotificationsList().stream()
        .filter(n -> n.getKind() == NotificationKind.NOTIFICATION_KIND_EXPIRY_REMINDER).toList();
    assertEquals(6, queued.size());
    server.dispatch();
    var after = server.operator().listNotifications(ListNotificationsRequest.newBuilder()
        .setAccountId(test.getAccount().getAccountId()).build()).getNotificationsList().stream()
        .filter(n -> n.getKind() == NotificationKind.NOTIFICATION_KIND_EXPIRY_REMINDER).toList();
    assertTrue(after.stream().noneMatch(n -> n.getStatus() == NotificationStatus.NOTIFICATION_STATUS_PENDING), after::toString);

    // The real account, same dates: untouched.
    String realKey = real.getApiKeySecret();
    assertEquals(PackageStatus.PACKAGE_STATUS_ACTIVE, pkg(realKey, realPkg.getPackageId()).getStatus());
    assertEquals(List.of(), reminders(server, realKey));
    server.plan(realKey).recordUsage(usage(1));

    // A replay answers the first advance; advancing further sends nothing twice.
    assertEquals(advanced, server.operator().advanceTestClock(step).getTestClock());
    server.operator().advanceTestClock(advance(clock.getTestClockId(), expiry.plus(Duration.ofDays(40))));
    assertEquals(3, reminders(server, key).size());
    assertEquals(advanced.toBuilder().setFrozenTime(Timestamps.of(expiry.plus(Duration.ofDays(40)))).build(),
        server.operator().getTestClock(GetTestClockRequest.newBuilder().setTestClockId(clock.getTestClockId()).build()).getTestClock());
  }

  @Test
  void anAdvancePastAnExpiryLapsesThePackageWithAPackageExpiredEventDatedAtTheExpiry() {
    Instant start = server.clock.instant();
    TestClock clock = createClock(server, "lapse", start);
    CreateAccountResponse test = testAccount(server, "Lapsing Shop", clock.getTestClockId());
    String accountId = test.getAccount().getAccountId();
    String key = test.getApiKeySecret();
    Package p = buyPackage(server, test);
    Instant expiry = Timestamps.toInstant(p.getExpireTime());
    server.plan(key).recordUsage(usage(100));

    server.operator().advanceTestClock(advance(clock.getTestClockId(), expiry.plus(Duration.ofDays(3))));

    // As the real expiry pass does for real accounts: marked lapsed, its 900 left out of the totals,
    // and one package.expired event, after the reminders and dated when the package expired.
    assertEquals(List.of(true), server.jdbi().withHandle(h -> h.createQuery(
            "select lapsed from packages where account_id = :a and package_id = :p")
        .bind("a", accountId).bind("p", p.getPackageId()).mapTo(Boolean.class).list()));
    List<List<String>> events = events(accountId);
    List<String> expired = List.of("package.expired", expiry.toString(), p.getPackageId(), "900");
    assertEquals(expired, events.get(events.size() - 1), events::toString);
    assertEquals(List.of("package.expiring", "package.expiring", "package.expiring", "package.expired"),
        events.stream().map(e -> e.get(0)).filter(k -> k.startsWith("package.")).toList());
    assertEquals(0, server.plan(key)
        .getPackageSummary(GetPackageSummaryRequest.newBuilder().setProductId("sms-domestic").build())
        .getProducts(0).getRemainingQuantity());

    // Once: a later advance and the real pass add nothing.
    server.operator().advanceTestClock(advance(clock.getTestClockId(), expiry.plus(Duration.ofDays(40))));
    server.expiryReminders().runOnce(expiry.plus(Duration.ofDays(41)));
    assertEquals(events, events(accountId));
  }

  /** The account's events (kind, time, and a package event's package ID and remaining quantity), in order. */
  private static List<List<String>> events(String accountId) {
    return server.jdbi().withHandle(h -> h.createQuery("""
            select payload::jsonb->>'kind', payload::jsonb->>'createTime',
                   coalesce(payload::jsonb->'data'->>'packageId', ''), coalesce(payload::jsonb->'data'->>'remainingQuantity', '')
              from account_events where account_id = :a order by sequence
            """)
        .bind("a", accountId)
        .map((rs, ctx) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list());
  }

  @Test
  void stepByStepEachReminderAtItsOffsetAndTheRealSchedulerSkipsTestAccounts() {
    Instant start = server.clock.instant();
    TestClock clock = createClock(server, "steps", start);
    CreateAccountResponse test = testAccount(server, "Stepping Shop", clock.getTestClockId());
    String key = test.getApiKeySecret();
    Package p = buyPackage(server, test);
    Instant expiry = Timestamps.toInstant(p.getExpireTime());
    String id = clock.getTestClockId();

    server.operator().advanceTestClock(advance(id, expiry.minus(Duration.ofDays(31))));
    assertEquals(0, reminders(server, key).size());
    // The real scheduler at a real time where this package would be due: test accounts are not its.
    server.expiryReminders().runOnce(expiry.minus(Duration.ofDays(2)));
    assertEquals(0, reminders(server, key).size());

    // By account: the account's clock moves.
    server.operator().advanceTestClock(AdvanceTestClockRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setAccountId(test.getAccount().getAccountId())
        .setFrozenTime(Timestamps.of(expiry.minus(Duration.ofDays(30))))
        .build());
    assertEquals(1, reminders(server, key).size());
    assertTrue(reminders(server, key).get(0).getTitle().contains("in 30 days"));
    server.operator().advanceTestClock(advance(id, expiry.minus(Duration.ofDays(8))));
    assertEquals(1, reminders(server, key).size());
    server.operator().advanceTestClock(advance(id, expiry.minus(Duration.ofDays(7)).plusSeconds(60)));
    assertEquals(2, reminders(server, key).size());
    assertTrue(reminders(server, key).get(1).getTitle().contains("in 7 days"));
    server.operator().advanceTestClock(advance(id, expiry.minus(Duration.ofHours(1))));
    List<InternalMessage> three = reminders(server, key);
    assertEquals(3, three.size());
    assertTrue(three.get(2).getTitle().contains("in 1 day"));
    assertEquals(PackageStatus.PACKAGE_STATUS_ACTIVE, pkg(key, p.getPackageId()).getStatus());
    server.plan(key).recordUsage(usage(10));

    server.operator().advanceTestClock(advance(id, expiry));
    assertEquals(PackageStatus.PACKAGE_STATUS_EXPIRED, pkg(key, p.getPackageId()).getStatus());
    assertRefused(Status.Code.RESOURCE_EXHAUSTED, "QUOTA_EXHAUSTED", () -> server.plan(key).recordUsage(usage(1)));
    assertEquals(3, reminders(server, key).size());
  }

  @Test
  void unpaidOrdersAndVouchersLapseOnTheAccountsTime() {
    Instant start = server.clock.instant();
    TestClock clock = createClock(server, "orders", start.plus(Duration.ofDays(3)));
    CreateAccountResponse test = testAccount(server, "Ordering Shop", clock.getTestClockId());
    // Born at the clock's time.
    assertEquals(clock.getFrozenTime(), test.getAccount().getCreateTime());
    String key = test.getApiKeySecret();
    Buyers.verify(server, test);
    Buyers.fund(server, test, "100.00", null);
    var order = server.plan(key).createOrder(CreateOrderRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setPlanSpecId(SPEC).setQuantity(1000)
        .setPurpose(Purpose.PURPOSE_VERIFICATION_NOTIFICATION).setRegionId(REGION)
        .setAcceptedTermsVersion(Buyers.currentPlanTerms(server, key)).build()).getOrder();
    assertEquals(clock.getFrozenTime(), order.getCreateTime());
    // Valid on the account's time, 2 days after the real time.
    Instant voucherExpiry = Timestamps.toInstant(clock.getFrozenTime()).plus(Duration.ofDays(2));
    server.operator().issueVoucher(IssueVoucherRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setAccountId(test.getAccount().getAccountId())
        .setAmount(cny("5.00")).setExpireTime(Timestamps.of(voucherExpiry)).build());
    // A voucher already past on the account's time (though future in real time) is refused.
    assertInvalid(() -> server.operator().issueVoucher(IssueVoucherRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setAccountId(test.getAccount().getAccountId())
        .setAmount(cny("5.00")).setExpireTime(Timestamps.of(start.plus(Duration.ofDays(1)))).build()), "expire_time");

    server.operator().advanceTestClock(advance(clock.getTestClockId(), voucherExpiry.plus(Duration.ofHours(1))));
    assertEquals(OrderState.ORDER_STATE_EXPIRED,
        server.plan(key).getOrder(GetOrderRequest.newBuilder().setOrderId(order.getOrderId()).build()).getOrder().getState());
    assertRefused(Status.Code.FAILED_PRECONDITION, "ORDER_EXPIRED", () -> server.plan(key).payOrder(
        PayOrderRequest.newBuilder().setRequestId(TestServer.requestId()).setOrderId(order.getOrderId()).build()));
    assertEquals(VoucherState.VOUCHER_STATE_EXPIRED,
        server.plan(key).listVouchers(ListVouchersRequest.getDefaultInstance()).getVouchers(0).getState());
  }

  @Test
  void refusals() {
    Instant start = server.clock.instant();
    TestClock clock = createClock(server, "refusals", start);
    String id = clock.getTestClockId();
    CreateAccountResponse real = server.newAccount("Real Refused");

    // A real account cannot be advanced.
    assertRefused(Status.Code.FAILED_PRECONDITION, "ACCOUNT_NOT_ON_TEST_CLOCK", () -> server.operator().advanceTestClock(
        AdvanceTestClockRequest.newBuilder().setRequestId(TestServer.requestId())
            .setAccountId(real.getAccount().getAccountId())
            .setFrozenTime(Timestamps.of(start.plus(Duration.ofDays(1)))).build()));
    assertRefused(Status.Code.NOT_FOUND, "ACCOUNT_NOT_FOUND", () -> server.operator().advanceTestClock(
        AdvanceTestClockRequest.newBuilder().setRequestId(TestServer.requestId())
            .setAccountId("acc-0000000000000000")
            .setFrozenTime(Timestamps.of(start.plus(Duration.ofDays(1)))).build()));
    // Backwards, standing still, too far, or no target: bad input, nothing changed.
    assertInvalid(() -> server.operator().advanceTestClock(advance(id, start.minus(Duration.ofSeconds(1)))), "frozen_time");
    assertInvalid(() -> server.operator().advanceTestClock(advance(id, start)), "frozen_time");
    assertInvalid(() -> server.operator().advanceTestClock(advance(id, start.plus(Duration.ofDays(732)))), "frozen_time");
    assertInvalid(() -> server.operator().advanceTestClock(AdvanceTestClockRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setFrozenTime(Timestamps.of(start.plus(Duration.ofDays(1)))).build()));
    assertEquals(clock, server.operator().getTestClock(GetTestClockRequest.newBuilder().setTestClockId(id).build()).getTestClock());
    // Unknown clocks.
    assertRefused(Status.Code.NOT_FOUND, "TEST_CLOCK_NOT_FOUND",
        () -> server.operator().advanceTestClock(advance("clk-0000000000000000", start.plus(Duration.ofDays(1)))));
    assertRefused(Status.Code.NOT_FOUND, "TEST_CLOCK_NOT_FOUND",
        () -> server.operator().getTestClock(GetTestClockRequest.newBuilder().setTestClockId("clk-0000000000000000").build()));
    long accounts = server.count("accounts");
    assertRefused(Status.Code.NOT_FOUND, "TEST_CLOCK_NOT_FOUND", () -> testAccount(server, "Nowhere", "clk-0000000000000000"));
    assertEquals(accounts, server.count("accounts"));
    // Operator only.
    assertRefused(Status.Code.PERMISSION_DENIED, "OPERATOR_ONLY", () -> io.resourceplans.api.v1.OperatorServiceGrpc
        .newBlockingStub(server.channel()).withCallCredentials(TestServer.bearer(real.getApiKeySecret()))
        .createTestClock(CreateTestClockRequest.newBuilder().setRequestId(TestServer.requestId()).build()));
    // Listed, newest first; the same create request replays its clock.
    var list = server.operator().listTestClocks(ListTestClocksRequest.newBuilder().setPageSize(100).build());
    assertTrue(list.getTestClocksList().contains(clock));
    CreateTestClockRequest create = CreateTestClockRequest.newBuilder().setRequestId(TestServer.requestId()).setName("replayed").build();
    TestClock first = server.operator().createTestClock(create).getTestClock();
    assertEquals(first, server.operator().createTestClock(create).getTestClock());
    assertEquals(Timestamps.of(server.clock.instant()), first.getFrozenTime());
    assertNotEquals(first.getTestClockId(), clock.getTestClockId());
  }

  @Test
  void turnedOffRefusesTestClocks() throws Exception {
    try (TestServer off = new TestServer(TestClockSettings.disabled())) {
      assertRefused(Status.Code.FAILED_PRECONDITION, "TEST_CLOCKS_DISABLED",
          () -> createClock(off, "off", off.clock.instant()));
      assertRefused(Status.Code.FAILED_PRECONDITION, "TEST_CLOCKS_DISABLED",
          () -> testAccount(off, "Off Shop", "clk-0000000000000000"));
      assertRefused(Status.Code.FAILED_PRECONDITION, "TEST_CLOCKS_DISABLED",
          () -> off.operator().advanceTestClock(advance("clk-0000000000000000", off.clock.instant().plusSeconds(1))));
      assertRefused(Status.Code.FAILED_PRECONDITION, "TEST_CLOCKS_DISABLED",
          () -> off.operator().listTestClocks(ListTestClocksRequest.getDefaultInstance()));
      assertEquals(0, off.count("test_clocks"));
      // Real accounts work as ever.
      off.newAccount("Still Real");
    }
  }
}
