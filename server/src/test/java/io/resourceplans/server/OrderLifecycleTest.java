package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertRefused;
import static io.resourceplans.server.testing.Moneys.cny;
import static io.resourceplans.server.testing.Moneys.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import io.resourceplans.api.v1.CancelOrderRequest;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.CreateOrderRequest;
import io.resourceplans.api.v1.GetOrderRequest;
import io.resourceplans.api.v1.GetWalletRequest;
import io.resourceplans.api.v1.IssueVoucherRequest;
import io.resourceplans.api.v1.ListOrdersRequest;
import io.resourceplans.api.v1.ListVouchersRequest;
import io.resourceplans.api.v1.Order;
import io.resourceplans.api.v1.OrderState;
import io.resourceplans.api.v1.PayOrderRequest;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.VoucherState;
import io.resourceplans.server.mapping.Timestamps;
import io.resourceplans.server.testing.Buyers;
import io.resourceplans.server.testing.Ledger;
import io.resourceplans.server.testing.Errors;
import io.resourceplans.server.testing.TestServer;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("citus")
class OrderLifecycleTest {
  @RegisterExtension
  static final TestServer server = TestServer.forClass();

  private static CreateOrderRequest.Builder order(String key, String spec, long quantity, Purpose purpose) {
    return CreateOrderRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setPlanSpecId(spec)
        .setQuantity(quantity)
        .setPurpose(purpose)
        .setRegionId("ap-southeast-1")
        .setAcceptedTermsVersion(Buyers.currentPlanTerms(server, key));
  }

  private static Order create(String key, String spec, long quantity, Purpose purpose) {
    return server.plan(key).createOrder(order(key, spec, quantity, purpose).build()).getOrder();
  }

  private static PayOrderRequest pay(Order order) {
    return PayOrderRequest.newBuilder().setRequestId(TestServer.requestId()).setOrderId(order.getOrderId()).build();
  }

  @Test
  void fixedPackagesIssueOnePackagePerPackageBought() {
    CreateAccountResponse buyer = Buyers.verifiedAccount(server, "Fixed Buyer");
    Buyers.fund(server, buyer, "500.00", null);
    Order order = create(buyer.getApiKeySecret(), "sms-domestic-5000", 2, Purpose.PURPOSE_GENERAL);
    assertEquals("430.00", plain(order.getTotalAmount()));
    var paid = server.plan(buyer.getApiKeySecret()).payOrder(pay(order));
    assertEquals(2, paid.getPackagesCount());
    paid.getPackagesList().forEach(p -> assertEquals(5000, p.getRemainingQuantity()));
    assertEquals(2, paid.getOrder().getPackageIdsCount());
    Ledger.assertBalancesEqualLedgerSums(server.jdbi(), buyer.getAccount().getAccountId());
  }

  @Test
  void mailPlansAreValidForSixMonths() {
    CreateAccountResponse buyer = Buyers.verifiedAccount(server, "Mail Buyer");
    Buyers.fund(server, buyer, "9.00", null);
    Order order = create(buyer.getApiKeySecret(), "mail-10000", 1, Purpose.PURPOSE_GENERAL);
    var pkg = server.plan(buyer.getApiKeySecret()).payOrder(pay(order)).getPackages(0);
    assertEquals(
        Timestamps.of(server.clock.instant().atZone(ZoneOffset.UTC).plusMonths(6).toInstant()), pkg.getExpireTime());
    assertEquals("0.00", plain(server.plan(buyer.getApiKeySecret()).getWallet(GetWalletRequest.getDefaultInstance()).getWallet().getAvailable()));
  }

  @Test
  void aVoucherMustExpireAfterTheServersClockNotTheWallClock() {
    CreateAccountResponse buyer = Buyers.verifiedAccount(server, "Voucher Clock");
    var issue =
        IssueVoucherRequest.newBuilder()
            .setRequestId(TestServer.requestId())
            .setAccountId(buyer.getAccount().getAccountId())
            .setAmount(cny("3.00"));
    Errors.assertInvalid(
        () -> server.operator().issueVoucher(issue.setExpireTime(Timestamps.of(server.clock.instant())).build()),
        "expire_time");
    // A day past the server's clock is accepted, wherever the wall clock is (tests fix it in the past).
    server.operator().issueVoucher(
        issue.setRequestId(TestServer.requestId())
            .setExpireTime(Timestamps.of(server.clock.instant().plus(Duration.ofDays(1))))
            .build());
  }

  @Test
  void insufficientBalanceChangesNothing() {
    CreateAccountResponse buyer = Buyers.verifiedAccount(server, "Poor Buyer");
    String key = buyer.getApiKeySecret();
    Buyers.fund(server, buyer, "10.00", "5.00");
    var voucher =
        server.operator().issueVoucher(
            IssueVoucherRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setAccountId(buyer.getAccount().getAccountId())
                .setAmount(cny("3.00"))
                .setExpireTime(Timestamps.of(server.clock.instant().plus(Duration.ofDays(1))))
                .build())
            .getVoucher();
    Order order = create(key, "sms-domestic-custom", 1000, Purpose.PURPOSE_MARKETING);
    var walletBefore = server.plan(key).getWallet(GetWalletRequest.getDefaultInstance()).getWallet();
    assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "INSUFFICIENT_BALANCE",
        () -> server.plan(key).payOrder(pay(order).toBuilder().setVoucherId(voucher.getVoucherId()).build()));
    assertEquals(walletBefore, server.plan(key).getWallet(GetWalletRequest.getDefaultInstance()).getWallet());
    assertEquals(
        VoucherState.VOUCHER_STATE_AVAILABLE,
        server.plan(key).listVouchers(ListVouchersRequest.getDefaultInstance()).getVouchers(0).getState());
    assertEquals(
        OrderState.ORDER_STATE_PENDING_PAYMENT,
        server.plan(key).getOrder(GetOrderRequest.newBuilder().setOrderId(order.getOrderId()).build()).getOrder().getState());
    long packages =
        server.jdbi().withHandle(h -> h.createQuery("select count(*) from packages where order_id = :o")
            .bind("o", order.getOrderId()).mapTo(Long.class).one());
    assertEquals(0, packages);
  }

  @Test
  void unpaidOrdersExpireAndCancelledOrdersCannotBePaid() {
    CreateAccountResponse buyer = Buyers.verifiedAccount(server, "Slow Buyer");
    String key = buyer.getApiKeySecret();
    Buyers.fund(server, buyer, "100.00", null);
    Order toCancel = create(key, "sms-domestic-custom", 100, Purpose.PURPOSE_MARKETING);
    var cancel = CancelOrderRequest.newBuilder().setRequestId(TestServer.requestId()).setOrderId(toCancel.getOrderId()).build();
    assertEquals(OrderState.ORDER_STATE_CANCELLED, server.plan(key).cancelOrder(cancel).getOrder().getState());
    assertEquals(
        OrderState.ORDER_STATE_CANCELLED,
        server.plan(key).cancelOrder(cancel.toBuilder().setRequestId(TestServer.requestId()).build()).getOrder().getState());
    assertRefused(Status.Code.FAILED_PRECONDITION, "ORDER_CANCELLED", () -> server.plan(key).payOrder(pay(toCancel)));

    Order toExpire = create(key, "sms-domestic-custom", 100, Purpose.PURPOSE_MARKETING);
    server.clock.advance(Duration.ofHours(25));
    assertEquals(
        OrderState.ORDER_STATE_EXPIRED,
        server.plan(key).getOrder(GetOrderRequest.newBuilder().setOrderId(toExpire.getOrderId()).build()).getOrder().getState());
    assertRefused(Status.Code.FAILED_PRECONDITION, "ORDER_EXPIRED", () -> server.plan(key).payOrder(pay(toExpire)));
    assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "ORDER_EXPIRED",
        () -> server.plan(key).cancelOrder(CancelOrderRequest.newBuilder().setRequestId(TestServer.requestId()).setOrderId(toExpire.getOrderId()).build()));
    var expired = server.plan(key).listOrders(ListOrdersRequest.newBuilder().setState(OrderState.ORDER_STATE_EXPIRED).build());
    assertEquals(1, expired.getOrdersCount());
    assertEquals(toExpire.getOrderId(), expired.getOrders(0).getOrderId());
    assertEquals("100.00", plain(server.plan(key).getWallet(GetWalletRequest.getDefaultInstance()).getWallet().getCashBalance()));
  }

  @Test
  void ordersListNewestFirst() {
    CreateAccountResponse buyer = Buyers.verifiedAccount(server, "List Buyer");
    String key = buyer.getApiKeySecret();
    Order first = create(key, "sms-domestic-custom", 100, Purpose.PURPOSE_MARKETING);
    server.clock.advance(Duration.ofMinutes(1));
    Order second = create(key, "sms-domestic-custom", 200, Purpose.PURPOSE_MARKETING);
    var page = server.plan(key).listOrders(ListOrdersRequest.newBuilder().setPageSize(1).build());
    assertEquals(second.getOrderId(), page.getOrders(0).getOrderId());
    var next = server.plan(key).listOrders(ListOrdersRequest.newBuilder().setPageSize(1).setPageToken(page.getNextPageToken()).build());
    assertEquals(first.getOrderId(), next.getOrders(0).getOrderId());
    // A token continues only the list (and filters) that issued it.
    assertRefused(
        Status.Code.INVALID_ARGUMENT,
        "PAGE_TOKEN_INVALID",
        () ->
            server.plan(key).listOrders(
                ListOrdersRequest.newBuilder()
                    .setPageSize(1)
                    .setState(OrderState.ORDER_STATE_PAID)
                    .setPageToken(page.getNextPageToken())
                    .build()));
  }

  @Test
  void orderRefusals() {
    CreateAccountResponse buyer = Buyers.verifiedAccount(server, "Picky Buyer");
    String key = buyer.getApiKeySecret();
    assertRefused(
        Status.Code.INVALID_ARGUMENT,
        "PURPOSE_NOT_ALLOWED",
        () -> server.plan(key).createOrder(order(key, "sms-domestic-custom", 1000, Purpose.PURPOSE_GENERAL).build()));
    assertRefused(
        Status.Code.INVALID_ARGUMENT,
        "QUANTITY_NOT_ALLOWED",
        () -> server.plan(key).createOrder(order(key, "sms-domestic-custom", 150, Purpose.PURPOSE_MARKETING).build()));
    assertRefused(
        Status.Code.INVALID_ARGUMENT,
        "QUANTITY_NOT_ALLOWED",
        () -> server.plan(key).createOrder(order(key, "sms-domestic-custom", 50, Purpose.PURPOSE_MARKETING).build()));
    assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "TERMS_VERSION_OUTDATED",
        () -> server.plan(key).createOrder(order(key, "sms-domestic-custom", 100, Purpose.PURPOSE_MARKETING).setAcceptedTermsVersion("2000-01").build()));
    assertRefused(
        Status.Code.NOT_FOUND,
        "PLAN_SPEC_NOT_FOUND",
        () -> server.plan(key).createOrder(order(key, "no-such-spec", 100, Purpose.PURPOSE_MARKETING).build()));
    assertRefused(
        Status.Code.NOT_FOUND,
        "REGION_NOT_FOUND",
        () -> server.plan(key).createOrder(order(key, "sms-domestic-custom", 100, Purpose.PURPOSE_MARKETING).setRegionId("eu-nowhere-1").build()));
    long orders =
        server.jdbi().withHandle(h -> h.createQuery("select count(*) from orders where account_id = :a")
            .bind("a", buyer.getAccount().getAccountId()).mapTo(Long.class).one());
    assertEquals(0, orders);
  }

  @Test
  void anotherTenantsOrderIsNotFound() {
    CreateAccountResponse owner = Buyers.verifiedAccount(server, "Owner Co");
    CreateAccountResponse other = Buyers.verifiedAccount(server, "Other Co");
    Order order = create(owner.getApiKeySecret(), "sms-domestic-custom", 100, Purpose.PURPOSE_MARKETING);
    assertRefused(
        Status.Code.NOT_FOUND,
        "ORDER_NOT_FOUND",
        () -> server.plan(other.getApiKeySecret()).getOrder(GetOrderRequest.newBuilder().setOrderId(order.getOrderId()).build()));
    Buyers.fund(server, other, "100.00", null);
    assertRefused(Status.Code.NOT_FOUND, "ORDER_NOT_FOUND", () -> server.plan(other.getApiKeySecret()).payOrder(pay(order)));
  }
}
