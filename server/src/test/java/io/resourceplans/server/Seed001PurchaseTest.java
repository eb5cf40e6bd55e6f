package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertRefused;
import static io.resourceplans.server.testing.Moneys.cny;
import static io.resourceplans.server.testing.Moneys.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.CreateOrderRequest;
import io.resourceplans.api.v1.GetPackageSummaryRequest;
import io.resourceplans.api.v1.GetPlanSpecRequest;
import io.resourceplans.api.v1.GetWalletRequest;
import io.resourceplans.api.v1.IssueVoucherRequest;
import io.resourceplans.api.v1.ListLedgerEntriesRequest;
import io.resourceplans.api.v1.ListPackagesRequest;
import io.resourceplans.api.v1.ListVouchersRequest;
import io.resourceplans.api.v1.OrderLineType;
import io.resourceplans.api.v1.OrderState;
import io.resourceplans.api.v1.PackageStatus;
import io.resourceplans.api.v1.PayOrderRequest;
import io.resourceplans.api.v1.PricingModel;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.QuotePriceRequest;
import io.resourceplans.api.v1.RefundPackageRequest;
import io.resourceplans.api.v1.UnsubscribePackageRequest;
import io.resourceplans.api.v1.Voucher;
import io.resourceplans.api.v1.VoucherState;
import io.resourceplans.server.mapping.Timestamps;
import io.resourceplans.server.testing.Buyers;
import io.resourceplans.server.testing.Ledger;
import io.resourceplans.server.testing.TestClocks;
import io.resourceplans.server.testing.TestServer;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Seed 001 end to end over gRPC: an SMS custom package of 1,000 verification messages for 44.00 CNY
 * (the same 1,000 for marketing quote 46.00: prices differ slightly by purpose), paid with one
 * voucher, gift balance and cash.
 */
@Tag("citus")
class Seed001PurchaseTest {
  private static final String SPEC = "sms-domestic-custom";
  @RegisterExtension
  static final TestServer server = TestServer.forClass();

  private static CreateOrderRequest order(String terms) {
    return CreateOrderRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setPlanSpecId(SPEC)
        .setQuantity(1000)
        .setPurpose(Purpose.PURPOSE_VERIFICATION_NOTIFICATION)
        .setRegionId("cn-hangzhou")
        .setAcceptedTermsVersion(terms)
        .build();
  }

  private static Voucher voucher(CreateAccountResponse buyer, String amount, String minimum) {
    return server.operator()
        .issueVoucher(
            IssueVoucherRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setAccountId(buyer.getAccount().getAccountId())
                .setAmount(cny(amount))
                .setProductId("sms-domestic")
                .setMinimumOrderAmount(cny(minimum))
                .setExpireTime(Timestamps.of(server.clock.instant().plus(Duration.ofDays(30))))
                .build())
        .getVoucher();
  }

  @Test
  void walkThrough() {
    CreateAccountResponse buyer = server.newAccount("Seed Shop");
    String key = buyer.getApiKeySecret();
    String accountId = buyer.getAccount().getAccountId();
    String terms = Buyers.currentPlanTerms(server, key);

    // Unverified: refused, nothing written.
    assertRefused(Status.Code.FAILED_PRECONDITION, "IDENTITY_NOT_VERIFIED", () -> server.plan(key).createOrder(order(terms)));
    assertEquals(0, server.count("orders"));

    Buyers.verify(server, buyer);

    // The order page: 10 hundreds of verification messages = 44 yuan.
    var quote =
        server.plan(key)
            .quotePrice(
                QuotePriceRequest.newBuilder()
                    .setPlanSpecId(SPEC)
                    .setQuantity(1000)
                    .setPurpose(Purpose.PURPOSE_VERIFICATION_NOTIFICATION)
                    .build());
    assertEquals("44.00", plain(quote.getTotalAmount()));
    assertEquals("CNY", quote.getCurrencyCode());
    assertFalse(quote.getPurposePriceApplied());

    // Prices differ slightly by purpose: the same 1,000 messages for marketing quote a little higher.
    var marketing =
        server.plan(key)
            .quotePrice(
                QuotePriceRequest.newBuilder()
                    .setPlanSpecId(SPEC)
                    .setQuantity(1000)
                    .setPurpose(Purpose.PURPOSE_MARKETING)
                    .build());
    assertEquals("46.00", plain(marketing.getTotalAmount()));
    assertEquals("0.046", plain(marketing.getUnitPrice()));
    assertTrue(marketing.getPurposePriceApplied());
    // and the spec shows both, so the order page can say so
    var spec = server.plan(key).getPlanSpec(GetPlanSpecRequest.newBuilder().setPlanSpecId(SPEC).build()).getPlanSpec();
    assertEquals("0.044", plain(spec.getCustomPricing().getTiers(0).getUnitPrice()));
    assertEquals(Purpose.PURPOSE_MARKETING, spec.getPurposePrices(0).getPurpose());
    assertEquals("0.046", plain(spec.getPurposePrices(0).getTiers(0).getUnitPrice()));

    var created = server.plan(key).createOrder(order(terms)).getOrder();
    assertEquals(OrderState.ORDER_STATE_PENDING_PAYMENT, created.getState());
    assertEquals(1, created.getLinesCount());
    var line = created.getLines(0);
    assertEquals(OrderLineType.ORDER_LINE_TYPE_PURCHASE, line.getType());
    assertEquals(PricingModel.PRICING_MODEL_ONE_TIME, line.getPricingModel());
    assertEquals(1000, line.getQuantity());
    assertEquals(Purpose.PURPOSE_VERIFICATION_NOTIFICATION, line.getPurpose());
    assertEquals("0.044", plain(line.getUnitPrice()));
    assertFalse(line.getPurposePriceApplied());
    assertEquals("44.00", plain(line.getSubtotal()));
    assertFalse(line.getResource().isEmpty());
    assertFalse(line.getConfiguration().isEmpty());
    assertEquals(terms, created.getAcceptedTermsVersion());
    var acceptance =
        server.jdbi().withHandle(h ->
            h.createQuery("select version, accepted_by, accept_time from terms_acceptances where account_id = :a and subject = :s")
                .bind("a", accountId).bind("s", "order:" + created.getOrderId()).mapToMap().one());
    assertEquals(terms, acceptance.get("version"));
    assertEquals(buyer.getApiKey().getApiKeyId(), acceptance.get("accepted_by"));

    // Wallet like the payment page (gift, cash, no credit) and one usable voucher.
    Buyers.fund(server, buyer, "18.70", "20.00");
    Voucher first = voucher(buyer, "10.00", "40.00");
    Voucher second = voucher(buyer, "5.00", "0.00");
    var usable =
        server.plan(key).listVouchers(ListVouchersRequest.newBuilder().setUsableForOrderId(created.getOrderId()).build());
    assertEquals(2, usable.getVouchersCount());

    PayOrderRequest pay =
        PayOrderRequest.newBuilder()
            .setRequestId(TestServer.requestId())
            .setOrderId(created.getOrderId())
            .setVoucherId(first.getVoucherId())
            .build();
    var paid = server.plan(key).payOrder(pay);
    assertEquals(OrderState.ORDER_STATE_PAID, paid.getOrder().getState());
    var payment = paid.getOrder().getPayment();
    assertEquals("10.00", plain(payment.getVoucherAmount()));
    assertEquals("20.00", plain(payment.getGiftAmount()));
    assertEquals("14.00", plain(payment.getCashAmount()));
    assertEquals("0.00", plain(payment.getCreditAmount()));
    assertEquals("34.00", plain(paid.getOrder().getTotalAmount()));

    // One active package of 1,000, expiring 12 months after payment.
    assertEquals(1, paid.getPackagesCount());
    var pkg = paid.getPackages(0);
    assertEquals(1000, pkg.getTotalQuantity());
    assertEquals(1000, pkg.getRemainingQuantity());
    assertEquals(PackageStatus.PACKAGE_STATUS_ACTIVE, pkg.getStatus());
    Timestamp expected = Timestamps.of(server.clock.instant().atZone(ZoneOffset.UTC).plusMonths(12).toInstant());
    assertEquals(expected, pkg.getExpireTime());
    var listed = server.plan(key).listPackages(ListPackagesRequest.getDefaultInstance());
    assertEquals(1, listed.getPackagesCount());
    assertEquals(pkg, listed.getPackages(0));
    var summary =
        server.plan(key).getPackageSummary(GetPackageSummaryRequest.newBuilder().setProductId("sms-domestic").build());
    assertEquals(1000, summary.getProducts(0).getRemainingQuantity());

    // The same payment retried: the first answer, nothing charged again.
    var walletAfter = server.plan(key).getWallet(GetWalletRequest.getDefaultInstance()).getWallet();
    int ledgerSize = server.plan(key).listLedgerEntries(ListLedgerEntriesRequest.getDefaultInstance()).getLedgerEntriesCount();
    var retried = server.plan(key).payOrder(pay);
    assertEquals(paid, retried);
    assertEquals(walletAfter, server.plan(key).getWallet(GetWalletRequest.getDefaultInstance()).getWallet());
    assertEquals(ledgerSize, server.plan(key).listLedgerEntries(ListLedgerEntriesRequest.getDefaultInstance()).getLedgerEntriesCount());
    assertEquals("4.70", plain(walletAfter.getCashBalance()));
    assertEquals("0.00", plain(walletAfter.getGiftBalance()));

    // A second voucher on the paid order is refused and stays available.
    assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "ORDER_ALREADY_PAID",
        () ->
            server.plan(key)
                .payOrder(
                    PayOrderRequest.newBuilder()
                        .setRequestId(TestServer.requestId())
                        .setOrderId(created.getOrderId())
                        .setVoucherId(second.getVoucherId())
                        .build()));
    var vouchers = server.plan(key).listVouchers(ListVouchersRequest.getDefaultInstance());
    assertEquals(VoucherState.VOUCHER_STATE_USED, vouchers.getVouchersList().stream().filter(v -> v.getVoucherId().equals(first.getVoucherId())).findFirst().orElseThrow().getState());
    assertEquals(VoucherState.VOUCHER_STATE_AVAILABLE, vouchers.getVouchersList().stream().filter(v -> v.getVoucherId().equals(second.getVoucherId())).findFirst().orElseThrow().getState());

    // The used voucher can never pay another order.
    var another = server.plan(key).createOrder(order(terms)).getOrder();
    assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "VOUCHER_ALREADY_USED",
        () ->
            server.plan(key)
                .payOrder(
                    PayOrderRequest.newBuilder()
                        .setRequestId(TestServer.requestId())
                        .setOrderId(another.getOrderId())
                        .setVoucherId(first.getVoucherId())
                        .build()));

    // Plans are non-refundable.
    assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "PLAN_NON_REFUNDABLE",
        () -> server.plan(key).refundPackage(RefundPackageRequest.newBuilder().setRequestId(TestServer.requestId()).setPackageId(pkg.getPackageId()).build()));
    assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "PLAN_NON_REFUNDABLE",
        () -> server.plan(key).unsubscribePackage(UnsubscribePackageRequest.newBuilder().setRequestId(TestServer.requestId()).setPackageId(pkg.getPackageId()).build()));

    Ledger.assertBalancesEqualLedgerSums(server.jdbi(), accountId);
  }

  /**
   * The same purchase on a test account: the operator's test clock moves its time a year on, and
   * the package becomes 已过期 (EXPIRED) after the 30-, 7- and 1-day reminders, in order.
   */
  @Test
  void expiryAndRemindersThroughATestClock() throws Exception {
    // A server of its own: the walk-through above counts every order of its server.
    try (TestServer own = new TestServer()) {
      java.time.Instant bought = own.clock.instant();
      var clock = TestClocks.createClock(own, "seed 001", bought);
      CreateAccountResponse buyer = TestClocks.testAccount(own, "Seed Test Shop", clock.getTestClockId());
      String key = buyer.getApiKeySecret();
      var pkg = TestClocks.buyPackage(own, buyer);
      assertEquals(PackageStatus.PACKAGE_STATUS_ACTIVE, pkg.getStatus());
      java.time.Instant expiry = bought.atZone(ZoneOffset.UTC).plusMonths(12).toInstant();
      assertEquals(Timestamps.of(expiry), pkg.getExpireTime());

      // One step past expiry: what a year of real time would have done, in order.
      own.operator().advanceTestClock(
          TestClocks.advance(clock.getTestClockId(), expiry.plus(Duration.ofDays(1))));
      var reminders = TestClocks.reminders(own, key);
      assertEquals(
          java.util.List.of(
              "Package " + pkg.getPackageId() + " expires in 30 days",
              "Package " + pkg.getPackageId() + " expires in 7 days",
              "Package " + pkg.getPackageId() + " expires in 1 day"),
          reminders.stream().map(io.resourceplans.api.v1.InternalMessage::getTitle).toList());
      var expired =
          own.plan(key).getPackage(io.resourceplans.api.v1.GetPackageRequest.newBuilder().setPackageId(pkg.getPackageId()).build())
              .getPackage();
      assertEquals(PackageStatus.PACKAGE_STATUS_EXPIRED, expired.getStatus());
      assertEquals(1000, expired.getRemainingQuantity());
      assertEquals(0, own.plan(key)
          .getPackageSummary(GetPackageSummaryRequest.newBuilder().setProductId("sms-domestic").build())
          .getProducts(0).getRemainingQuantity());
    }
  }
}
