package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertRefused;
import static io.resourceplans.server.testing.Moneys.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.resourceplans.api.v1.CheckQuotaRequest;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.GetPackageRequest;
import io.resourceplans.api.v1.GetWalletRequest;
import io.resourceplans.api.v1.PackageDeduction;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.UsageRecord;
import io.resourceplans.server.testing.Buyers;
import io.resourceplans.server.testing.Ledger;
import io.resourceplans.server.testing.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** RecordUsage and CheckQuota: burn-down order, pay-as-you-go overflow, all or nothing, idempotency. */
@Tag("citus")
class UsageTest {
  private static final String REGION = "ap-southeast-1";
  @RegisterExtension
  static final TestServer server = TestServer.forClass();

  private static CreateAccountResponse buyer(String name) {
    CreateAccountResponse a = Buyers.verifiedAccount(server, name);
    Buyers.fund(server, a, "10000.00", null);
    return a;
  }

  private static String buy(String key, String spec, long quantity, Purpose purpose) {
    String id = Buyers.buy(server, key, spec, quantity, purpose, REGION).getPackages(0).getPackageId();
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

  private static UsageRecord record(String key, String product, Purpose purpose, long quantity) {
    return server.plan(key).recordUsage(usage(product, purpose, quantity)).getUsageRecord();
  }

  private static long remaining(String key, String packageId) {
    return server.plan(key).getPackage(GetPackageRequest.newBuilder().setPackageId(packageId).build()).getPackage().getRemainingQuantity();
  }

  private static List<String> deducted(UsageRecord r) {
    return r.getDeductionsList().stream().map(d -> d.getPackageId() + ":" + d.getQuantity()).toList();
  }

  @Test
  void exactPurposeFirstThenGeneralEarliestExpiryFirstAcrossThreePackages() {
    String key = buyer("Burn Down").getApiKeySecret();
    String general = buy(key, "sms-domestic-5000", 1, Purpose.PURPOSE_GENERAL);
    String verifyOld = buy(key, "sms-domestic-custom", 100, Purpose.PURPOSE_VERIFICATION_NOTIFICATION);
    String verifyNew = buy(key, "sms-domestic-custom", 200, Purpose.PURPOSE_VERIFICATION_NOTIFICATION);
    String marketing = buy(key, "sms-domestic-custom", 100, Purpose.PURPOSE_MARKETING);

    UsageRecord first = record(key, "sms-domestic", Purpose.PURPOSE_VERIFICATION_NOTIFICATION, 250);
    assertEquals(List.of(verifyOld + ":100", verifyNew + ":150"), deducted(first));
    assertEquals(250, first.getPackageQuantity());

    UsageRecord spanning = record(key, "sms-domestic", Purpose.PURPOSE_VERIFICATION_NOTIFICATION, 100);
    assertEquals(List.of(verifyNew + ":50", general + ":50"), deducted(spanning));
    PackageDeduction last = spanning.getDeductions(1);
    assertEquals(4950, last.getRemainingQuantity());

    assertEquals(100, remaining(key, marketing), "another purpose is never used");
    assertEquals(0, remaining(key, verifyOld));
  }

  @Test
  void aRequestSpanningThreePackagesDeductsEachExactly() {
    String key = buyer("Three Packages").getApiKeySecret();
    String a = buy(key, "sms-domestic-custom", 100, Purpose.PURPOSE_MARKETING);
    String b = buy(key, "sms-domestic-custom", 200, Purpose.PURPOSE_MARKETING);
    String g = buy(key, "sms-domestic-5000", 1, Purpose.PURPOSE_GENERAL);
    UsageRecord r = record(key, "sms-domestic", Purpose.PURPOSE_MARKETING, 400);
    assertEquals(List.of(a + ":100", b + ":200", g + ":100"), deducted(r));
    assertEquals(0, remaining(key, a));
    assertEquals(0, remaining(key, b));
    assertEquals(4900, remaining(key, g));
    // The stored record keeps the same deductions, in burn-down order, for audit.
    List<String> stored =
        server.jdbi().withHandle(h -> h.createQuery("""
                select d.package_id || ':' || d.quantity || ':' || d.remaining_after
                  from usage_records,
                       unnest(deduction_package_ids, deduction_quantities, deduction_remaining_after)
                         with ordinality as d (package_id, quantity, remaining_after, n)
                 where usage_id = :id
                 order by d.n
                """).bind("id", r.getUsageId()).mapTo(String.class).list());
    assertEquals(List.of(a + ":100:0", b + ":200:0", g + ":100:4900"), stored);
  }

  @Test
  void expiredPackagesAreNeverTouched() {
    String key = buyer("Expiring Mail").getApiKeySecret();
    String old = buy(key, "mail-10000", 1, Purpose.PURPOSE_GENERAL);
    server.clock.advance(Duration.ofDays(200)); // past the 6-month validity
    assertRefused(Status.Code.RESOURCE_EXHAUSTED, "QUOTA_EXHAUSTED", () -> record(key, "mail", Purpose.PURPOSE_GENERAL, 1));
    String fresh = buy(key, "mail-10000", 1, Purpose.PURPOSE_GENERAL);
    UsageRecord r = record(key, "mail", Purpose.PURPOSE_GENERAL, 10);
    assertEquals(List.of(fresh + ":10"), deducted(r));
    assertEquals(10000, remaining(key, old));
  }

  @Test
  void payAsYouGoChargesTheRestAtTheCatalogPrice() {
    CreateAccountResponse account = buyer("Overflow Sender");
    String key = account.getApiKeySecret();
    String pkg = buy(key, "sms-domestic-custom", 100, Purpose.PURPOSE_VERIFICATION_NOTIFICATION);
    Buyers.activatePayAsYouGo(server, key, "sms-domestic", REGION);
    String cashBefore = plain(server.plan(key).getWallet(GetWalletRequest.getDefaultInstance()).getWallet().getCashBalance());

    var check = server.plan(key).checkQuota(
        CheckQuotaRequest.newBuilder().setProductId("sms-domestic").setPurpose(Purpose.PURPOSE_VERIFICATION_NOTIFICATION).setQuantity(150).setRegionId(REGION).build());
    assertTrue(check.getAllowed());
    assertEquals(100, check.getPackageQuantity());
    assertEquals(50, check.getPayAsYouGoQuantity());
    assertEquals("2.25", plain(check.getEstimatedCharge()));

    RecordUsageRequest overflow = usage("sms-domestic", Purpose.PURPOSE_VERIFICATION_NOTIFICATION, 150);
    UsageRecord r = server.plan(key).recordUsage(overflow).getUsageRecord();
    // A retry of a pay-as-you-go use gets the first answer, rebuilt from its usage record.
    assertEquals(r, server.plan(key).recordUsage(overflow).getUsageRecord());
    assertEquals(List.of(pkg + ":100"), deducted(r));
    assertEquals(50, r.getPayAsYouGoQuantity());
    assertEquals("0.045", plain(r.getPayAsYouGoUnitPrice()));
    assertEquals("2.25", plain(r.getPayAsYouGoCharge()));
    String cashAfter = plain(server.plan(key).getWallet(GetWalletRequest.getDefaultInstance()).getWallet().getCashBalance());
    assertEquals(new java.math.BigDecimal(cashBefore).subtract(new java.math.BigDecimal("2.25")), new java.math.BigDecimal(cashAfter));
    Ledger.assertBalancesEqualLedgerSums(server.jdbi(), account.getAccount().getAccountId());
  }

  @Test
  void withoutPayAsYouGoAShortfallIsRefusedAndChangesNothing() {
    CreateAccountResponse account = buyer("Short Sender");
    String key = account.getApiKeySecret();
    String pkg = buy(key, "sms-domestic-custom", 100, Purpose.PURPOSE_VERIFICATION_NOTIFICATION);
    var check = server.plan(key).checkQuota(
        CheckQuotaRequest.newBuilder().setProductId("sms-domestic").setPurpose(Purpose.PURPOSE_VERIFICATION_NOTIFICATION).setQuantity(150).setRegionId(REGION).build());
    assertFalse(check.getAllowed());
    assertEquals("QUOTA_EXHAUSTED", check.getDenialReason());
    assertEquals(100, check.getPackageRemainingQuantity());
    assertRefused(
        Status.Code.RESOURCE_EXHAUSTED,
        "QUOTA_EXHAUSTED",
        () -> record(key, "sms-domestic", Purpose.PURPOSE_VERIFICATION_NOTIFICATION, 150));
    assertEquals(100, remaining(key, pkg));
    long records =
        server.jdbi().withHandle(h -> h.createQuery("select count(*) from usage_records where account_id = :a")
            .bind("a", account.getAccount().getAccountId()).mapTo(Long.class).one());
    assertEquals(0, records);
  }

  @Test
  void payAsYouGoBeyondTheWalletIsRefusedAndChangesNothing() {
    CreateAccountResponse account = Buyers.verifiedAccount(server, "Broke Sender");
    String key = account.getApiKeySecret();
    Buyers.fund(server, account, "4.40", null);
    String pkg = buy(key, "sms-domestic-custom", 100, Purpose.PURPOSE_VERIFICATION_NOTIFICATION);
    Buyers.activatePayAsYouGo(server, key, "sms-domestic", REGION);
    assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "INSUFFICIENT_BALANCE",
        () -> record(key, "sms-domestic", Purpose.PURPOSE_VERIFICATION_NOTIFICATION, 150));
    assertEquals(100, remaining(key, pkg));
  }

  @Test
  void aRetryReturnsTheFirstAnswerAndDeductsOnce() {
    String key = buyer("Retrying Sender").getApiKeySecret();
    String pkg = buy(key, "sms-domestic-custom", 100, Purpose.PURPOSE_MARKETING);
    RecordUsageRequest request = usage("sms-domestic", Purpose.PURPOSE_MARKETING, 30);
    var first = server.plan(key).recordUsage(request);
    var retry = server.plan(key).recordUsage(request);
    assertEquals(first, retry);
    assertEquals(70, remaining(key, pkg));
    assertRefused(
        Status.Code.INVALID_ARGUMENT,
        "IDEMPOTENCY_KEY_REUSED",
        () -> server.plan(key).recordUsage(request.toBuilder().setQuantity(31).build()));
    assertEquals(70, remaining(key, pkg));
  }

  @Test
  void aRetryAfterTheQuotaRanOutStillGetsTheFirstAnswer() {
    String key = buyer("Late Retry").getApiKeySecret();
    String pkg = buy(key, "sms-domestic-custom", 100, Purpose.PURPOSE_MARKETING);
    RecordUsageRequest request = usage("sms-domestic", Purpose.PURPOSE_MARKETING, 60);
    var first = server.plan(key).recordUsage(request);
    record(key, "sms-domestic", Purpose.PURPOSE_MARKETING, 40);
    assertEquals(0, remaining(key, pkg));
    // Nothing is left, but this request was served already: its answer, not QUOTA_EXHAUSTED.
    assertEquals(first, server.plan(key).recordUsage(request));
    assertEquals(0, remaining(key, pkg));
  }

  @Test
  void concurrentDuplicatesOfOneRequestDeductOnce() throws Exception {
    String key = buyer("Eager Duplicates").getApiKeySecret();
    String pkg = buy(key, "sms-domestic-custom", 1000, Purpose.PURPOSE_MARKETING);
    List<RecordUsageRequest> requests = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      requests.add(usage("sms-domestic", Purpose.PURPOSE_MARKETING, 7));
    }
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<io.resourceplans.api.v1.RecordUsageResponse>> answers = new java.util.ArrayList<>();
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      for (RecordUsageRequest r : requests) {
        for (int copy = 0; copy < 4; copy++) {
          answers.add(pool.submit(() -> {
            go.await();
            return server.plan(key).recordUsage(r);
          }));
        }
      }
      go.countDown();
      for (int i = 0; i < answers.size(); i++) {
        // The four copies of one request all get the one answer.
        assertEquals(answers.get(i - i % 4).get(), answers.get(i).get());
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(1000 - 20 * 7, remaining(key, pkg));
    long records =
        server.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from usage_records u join packages p using (account_id) where p.package_id = :p")
            .bind("p", pkg).mapTo(Long.class).one());
    assertEquals(20, records);
  }

  @Test
  void usageBelowTheThresholdAlertsOnceAndAPurchaseReArmsIt() {
    String key = buyer("Alerted Sender").getApiKeySecret();
    buy(key, "sms-domestic-custom", 1000, Purpose.PURPOSE_VERIFICATION_NOTIFICATION);
    server.plan(key).setAlertThreshold(
        io.resourceplans.api.v1.SetAlertThresholdRequest.newBuilder()
            .setRequestId(TestServer.requestId())
            .setProductId("sms-domestic")
            .setPurpose(Purpose.PURPOSE_VERIFICATION_NOTIFICATION)
            .setThreshold(500)
            .build());
    record(key, "sms-domestic", Purpose.PURPOSE_VERIFICATION_NOTIFICATION, 500); // 500 left: not below
    assertEquals(0, unreadAlerts(key));
    record(key, "sms-domestic", Purpose.PURPOSE_VERIFICATION_NOTIFICATION, 1); // 499: crosses
    assertEquals(1, unreadAlerts(key));
    record(key, "sms-domestic", Purpose.PURPOSE_VERIFICATION_NOTIFICATION, 100); // still below: silent
    assertEquals(1, unreadAlerts(key));
    buy(key, "sms-domestic-custom", 1000, Purpose.PURPOSE_VERIFICATION_NOTIFICATION); // 1,399: re-armed
    record(key, "sms-domestic", Purpose.PURPOSE_VERIFICATION_NOTIFICATION, 900); // 499: crosses again
    assertEquals(2, unreadAlerts(key));
  }

  private static long unreadAlerts(String key) {
    return server.plan(key)
        .listMessages(io.resourceplans.api.v1.ListMessagesRequest.getDefaultInstance())
        .getMessagesList().stream()
        .filter(m -> m.getKind() == io.resourceplans.api.v1.InternalMessageKind.INTERNAL_MESSAGE_KIND_QUOTA_ALERT)
        .filter(m -> !m.hasReadTime())
        .count();
  }

  @Test
  void usageOfUnknownProductOrRegionIsNotFound() {
    String key = buyer("Lost Sender").getApiKeySecret();
    assertRefused(Status.Code.NOT_FOUND, "PRODUCT_NOT_FOUND", () -> record(key, "fax", Purpose.PURPOSE_GENERAL, 1));
    assertRefused(
        Status.Code.NOT_FOUND,
        "REGION_NOT_FOUND",
        () -> server.plan(key).recordUsage(usage("mail", Purpose.PURPOSE_GENERAL, 1).toBuilder().setRegionId("eu-nowhere-1").build()));
  }
}
