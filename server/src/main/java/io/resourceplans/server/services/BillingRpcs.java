package io.resourceplans.server.services;

import static io.resourceplans.server.services.Replies.emptyToNull;
import static io.resourceplans.server.services.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.resourceplans.api.v1.CancelOrderRequest;
import io.resourceplans.api.v1.CancelOrderResponse;
import io.resourceplans.api.v1.CreateOrderRequest;
import io.resourceplans.api.v1.CreateOrderResponse;
import io.resourceplans.api.v1.GetOrderRequest;
import io.resourceplans.api.v1.GetOrderResponse;
import io.resourceplans.api.v1.GetPackageRequest;
import io.resourceplans.api.v1.GetPackageResponse;
import io.resourceplans.api.v1.GetPackageSummaryRequest;
import io.resourceplans.api.v1.GetPackageSummaryResponse;
import io.resourceplans.api.v1.GetWalletRequest;
import io.resourceplans.api.v1.GetWalletResponse;
import io.resourceplans.api.v1.GrantGiftBalanceRequest;
import io.resourceplans.api.v1.GrantGiftBalanceResponse;
import io.resourceplans.api.v1.IssueVoucherRequest;
import io.resourceplans.api.v1.IssueVoucherResponse;
import io.resourceplans.api.v1.ListLedgerEntriesRequest;
import io.resourceplans.api.v1.ListLedgerEntriesResponse;
import io.resourceplans.api.v1.ListOrdersRequest;
import io.resourceplans.api.v1.ListOrdersResponse;
import io.resourceplans.api.v1.ListPackagesRequest;
import io.resourceplans.api.v1.ListPackagesResponse;
import io.resourceplans.api.v1.ListVouchersRequest;
import io.resourceplans.api.v1.ListVouchersResponse;
import io.resourceplans.api.v1.PayOrderRequest;
import io.resourceplans.api.v1.PayOrderResponse;
import io.resourceplans.api.v1.ProductPackageSummary;
import io.resourceplans.api.v1.PurposePackageSummary;
import io.resourceplans.api.v1.RefundPackageRequest;
import io.resourceplans.api.v1.RefundPackageResponse;
import io.resourceplans.api.v1.SetCreditLineRequest;
import io.resourceplans.api.v1.SetCreditLineResponse;
import io.resourceplans.api.v1.TopUpCashRequest;
import io.resourceplans.api.v1.TopUpCashResponse;
import io.resourceplans.api.v1.UnsubscribePackageRequest;
import io.resourceplans.api.v1.UnsubscribePackageResponse;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.billing.NewOrder;
import io.resourceplans.domain.billing.Order;
import io.resourceplans.server.metrics.OrderMetrics;
import io.resourceplans.domain.billing.OrderService;
import io.resourceplans.domain.billing.VoucherService;
import io.resourceplans.domain.billing.WalletService;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.quota.PackageRepository;
import io.resourceplans.domain.quota.PackageService;
import io.resourceplans.domain.quota.UsageHistory;
import io.resourceplans.domain.tx.Tx;
import io.resourceplans.server.auth.CallPrincipal;
import io.resourceplans.server.mapping.BillingMapper;
import io.resourceplans.server.mapping.MoneyMapper;
import io.resourceplans.server.mapping.PurposeMapper;
import io.resourceplans.server.mapping.Timestamps;
import io.resourceplans.domain.clock.AccountClock;
import java.time.Instant;
import javax.inject.Inject;
import javax.inject.Singleton;

/** RPC handlers for wallet, vouchers, orders, payment and packages. */
@Singleton
public final class BillingRpcs {
  private static final int DEFAULT_PAGE_SIZE = 20;
  private static final int DEFAULT_PACKAGE_PAGE_SIZE = 10;

  private final AccountClock accountClock;
  private final CallRunner calls;
  private final WalletService wallets;
  private final VoucherService vouchers;
  private final OrderService orders;
  private final PackageService packages;
  private final UsageHistory history;
  private final OrderMetrics metrics;

  @Inject
  BillingRpcs(
      AccountClock accountClock,
      CallRunner calls,
      WalletService wallets,
      VoucherService vouchers,
      OrderService orders,
      PackageService packages,
      UsageHistory history,
      OrderMetrics metrics) {
    this.history = history;
    this.metrics = metrics;
    this.accountClock = accountClock;
    this.calls = calls;
    this.wallets = wallets;
    this.vouchers = vouchers;
    this.orders = orders;
    this.packages = packages;
  }

  /** The account's now (a test account's clock time): statuses are derived at it. */
  private Instant now(Tx tx, String accountId) {
    return accountClock.now(tx, accountId);
  }

  private io.resourceplans.api.v1.Order order(Tx tx, Order order) {
    return BillingMapper.toProto(order, tx.get(PackageRepository.class).byOrder(order.accountId(), order.orderId()), now(tx, order.accountId()));
  }

  public void createOrder(CreateOrderRequest request, StreamObserver<CreateOrderResponse> out) {
    Principal caller = CallPrincipal.current();
    NewOrder command =
        new NewOrder(
            request.getPlanSpecId(),
            request.getQuantity(),
            PurposeMapper.toDomain(request.getPurpose(), "purpose"),
            request.getRegionId(),
            request.getAcceptedTermsVersion());
    reply(
        out,
        calls.once(
            caller,
            request,
            CreateOrderResponse.parser(),
            tx -> CreateOrderResponse.newBuilder().setOrder(order(tx, orders.create(tx, caller, command))).build()));
  }

  public void getOrder(GetOrderRequest request, StreamObserver<GetOrderResponse> out) {
    Principal caller = CallPrincipal.current();
    reply(
        out,
        calls.read(
            tx -> GetOrderResponse.newBuilder().setOrder(order(tx, orders.get(tx, caller, request.getOrderId()))).build()));
  }

  public void listOrders(ListOrdersRequest request, StreamObserver<ListOrdersResponse> out) {
    Principal caller = CallPrincipal.current();
    PageRequest page = Pages.of(request, DEFAULT_PAGE_SIZE);
    reply(
        out,
        calls.read(
            tx -> {
              var result = orders.list(tx, caller, BillingMapper.toDomain(request.getState()), page);
              return ListOrdersResponse.newBuilder()
                  .addAllOrders(result.items().stream().map(o -> order(tx, o)).toList())
                  .setNextPageToken(result.nextPageToken().orElse(""))
                  .build();
            }));
  }

  public void cancelOrder(CancelOrderRequest request, StreamObserver<CancelOrderResponse> out) {
    Principal caller = CallPrincipal.current();
    reply(
        out,
        calls.once(
            caller,
            request,
            CancelOrderResponse.parser(),
            tx -> CancelOrderResponse.newBuilder().setOrder(order(tx, orders.cancel(tx, caller, request.getOrderId()))).build()));
  }

  public void payOrder(PayOrderRequest request, StreamObserver<PayOrderResponse> out) {
    Principal caller = CallPrincipal.current();
    PayOrderResponse response =
        calls.once(
            caller,
            request,
            PayOrderResponse.parser(),
            (tx, afterCommit) -> {
              var paid = orders.pay(tx, caller, request.getOrderId(), emptyToNull(request.getVoucherId()));
              Instant now = now(tx, paid.order().accountId());
              afterCommit.run(() -> metrics.paid(paid.order()));
              return PayOrderResponse.newBuilder()
                  .setOrder(BillingMapper.toProto(paid.order(), paid.packages(), now))
                  .addAllPackages(paid.packages().stream().map(p -> BillingMapper.toProto(p, now)).toList())
                  .build();
            });
    reply(out, response);
  }

  public void getWallet(GetWalletRequest request, StreamObserver<GetWalletResponse> out) {
    Principal caller = CallPrincipal.current();
    var wallet = calls.read(tx -> wallets.get(tx, caller));
    reply(out, GetWalletResponse.newBuilder().setWallet(BillingMapper.toProto(wallet)).build());
  }

  public void listLedgerEntries(ListLedgerEntriesRequest request, StreamObserver<ListLedgerEntriesResponse> out) {
    Principal caller = CallPrincipal.current();
    PageRequest page = Pages.of(request, DEFAULT_PAGE_SIZE);
    var result =
        calls.read(
            tx ->
                wallets.ledger(
                    tx, caller, BillingMapper.toDomain(request.getBalanceKind()), BillingMapper.toDomain(request.getKind()), page));
    reply(
        out,
        ListLedgerEntriesResponse.newBuilder()
            .addAllLedgerEntries(BillingMapper.toProto(result.items()))
            .setNextPageToken(result.nextPageToken().orElse(""))
            .build());
  }

  public void listVouchers(ListVouchersRequest request, StreamObserver<ListVouchersResponse> out) {
    Principal caller = CallPrincipal.current();
    PageRequest page = Pages.of(request, DEFAULT_PAGE_SIZE);
    var result =
        calls.read(
            tx ->
                vouchers.list(
                    tx, caller, BillingMapper.toDomain(request.getState()), emptyToNull(request.getUsableForOrderId()), page));
    Instant now = accountClock.now(caller.accountId());
    reply(
        out,
        ListVouchersResponse.newBuilder()
            .addAllVouchers(result.items().stream().map(v -> BillingMapper.toProto(v, now)).toList())
            .setNextPageToken(result.nextPageToken().orElse(""))
            .build());
  }

  public void listPackages(ListPackagesRequest request, StreamObserver<ListPackagesResponse> out) {
    Principal caller = CallPrincipal.current();
    PageRequest page = Pages.of(request, DEFAULT_PACKAGE_PAGE_SIZE);
    var filter =
        new PackageRepository.Filter(
            emptyToNull(request.getProductId()),
            request.getPurpose() == io.resourceplans.api.v1.Purpose.PURPOSE_UNSPECIFIED
                ? null
                : PurposeMapper.toDomain(request.getPurpose(), "purpose"),
            BillingMapper.toDomain(request.getStatus()),
            emptyToNull(request.getRegionId()));
    var result = calls.read(tx -> packages.list(tx, caller, filter, page));
    Instant now = accountClock.now(caller.accountId());
    reply(
        out,
        ListPackagesResponse.newBuilder()
            .addAllPackages(result.items().stream().map(p -> BillingMapper.toProto(p, now)).toList())
            .setNextPageToken(result.nextPageToken().orElse(""))
            .build());
  }

  public void getPackage(GetPackageRequest request, StreamObserver<GetPackageResponse> out) {
    Principal caller = CallPrincipal.current();
    var reply = calls.read(tx -> {
      var pkg = packages.get(tx, caller, request.getPackageId());
      // Its consumption history's newest page, in the same snapshot.
      return GetPackageResponse.newBuilder().setPackage(BillingMapper.toProto(pkg, now(tx, pkg.accountId())))
          .addAllRecentUsageRecords(history.recentOfPackage(tx, pkg.accountId(), pkg.packageId()).stream()
              .map(UsageRpcs::toProto).toList())
          .build();
    });
    reply(out, reply);
  }

  public void getPackageSummary(GetPackageSummaryRequest request, StreamObserver<GetPackageSummaryResponse> out) {
    Principal caller = CallPrincipal.current();
    var summaries =
        calls.read(
            tx -> packages.summary(tx, caller, emptyToNull(request.getProductId()), emptyToNull(request.getRegionId())));
    GetPackageSummaryResponse.Builder response = GetPackageSummaryResponse.newBuilder();
    for (var s : summaries) {
      ProductPackageSummary.Builder product =
          ProductPackageSummary.newBuilder().setProductId(s.productId()).setRemainingQuantity(s.remaining());
      s.purposes().forEach(
          (purpose, total) ->
              product.addPurposes(
                  PurposePackageSummary.newBuilder()
                      .setPurpose(PurposeMapper.toProto(purpose))
                      .setRemainingQuantity(total.remaining())
                      .setActivePackageCount(total.packages())));
      response.addProducts(product);
    }
    reply(out, response.build());
  }

  public void refundPackage(RefundPackageRequest request, StreamObserver<RefundPackageResponse> out) {
    Principal caller = CallPrincipal.current();
    throw calls.read(tx -> packages.refuseRefund(tx, caller, request.getPackageId(), "refunded"));
  }

  public void unsubscribePackage(UnsubscribePackageRequest request, StreamObserver<UnsubscribePackageResponse> out) {
    Principal caller = CallPrincipal.current();
    throw calls.read(tx -> packages.refuseRefund(tx, caller, request.getPackageId(), "unsubscribed"));
  }

  public void topUpCash(TopUpCashRequest request, StreamObserver<TopUpCashResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireOperator();
    var amount = MoneyMapper.toDomain(request.getAmount(), "amount");
    reply(
        out,
        calls.once(
            caller,
            request,
            TopUpCashResponse.parser(),
            tx -> {
              var change = wallets.topUpCash(tx, caller, request.getAccountId(), amount);
              return TopUpCashResponse.newBuilder()
                  .setWallet(BillingMapper.toProto(change.wallet()))
                  .addAllLedgerEntries(BillingMapper.toProto(change.entries()))
                  .build();
            }));
  }

  public void grantGiftBalance(GrantGiftBalanceRequest request, StreamObserver<GrantGiftBalanceResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireOperator();
    var amount = MoneyMapper.toDomain(request.getAmount(), "amount");
    reply(
        out,
        calls.once(
            caller,
            request,
            GrantGiftBalanceResponse.parser(),
            tx -> {
              var change = wallets.grantGift(tx, caller, request.getAccountId(), amount);
              return GrantGiftBalanceResponse.newBuilder()
                  .setWallet(BillingMapper.toProto(change.wallet()))
                  .setLedgerEntry(BillingMapper.toProto(change.entries().get(0)))
                  .build();
            }));
  }

  public void setCreditLine(SetCreditLineRequest request, StreamObserver<SetCreditLineResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireOperator();
    var line = MoneyMapper.toDomain(request.getCreditLine(), "credit_line");
    reply(
        out,
        calls.once(
            caller,
            request,
            SetCreditLineResponse.parser(),
            tx -> {
              var change = wallets.setCreditLine(tx, caller, request.getAccountId(), line);
              return SetCreditLineResponse.newBuilder()
                  .setWallet(BillingMapper.toProto(change.wallet()))
                  .setLedgerEntry(BillingMapper.toProto(change.entries().get(0)))
                  .build();
            }));
  }

  public void issueVoucher(IssueVoucherRequest request, StreamObserver<IssueVoucherResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireOperator();
    var amount = MoneyMapper.toDomain(request.getAmount(), "amount");
    var minimum = request.hasMinimumOrderAmount() ? MoneyMapper.toDomain(request.getMinimumOrderAmount(), "minimum_order_amount") : null;
    Instant expire = Timestamps.toInstant(request.getExpireTime());
    reply(
        out,
        calls.once(
            caller,
            request,
            IssueVoucherResponse.parser(),
            tx ->
                IssueVoucherResponse.newBuilder()
                    .setVoucher(
                        BillingMapper.toProto(
                            vouchers.issue(tx, caller, request.getAccountId(), amount, emptyToNull(request.getProductId()), minimum, expire),
                            now(tx, request.getAccountId())))
                    .build()));
  }
}
