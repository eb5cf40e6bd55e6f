package io.resourceplans.server.services;

import io.grpc.Status;
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
import io.resourceplans.api.v1.RefundPackageRequest;
import io.resourceplans.api.v1.RefundPackageResponse;
import io.resourceplans.api.v1.SetCreditLineRequest;
import io.resourceplans.api.v1.SetCreditLineResponse;
import io.resourceplans.api.v1.TopUpCashRequest;
import io.resourceplans.api.v1.TopUpCashResponse;
import io.resourceplans.api.v1.UnsubscribePackageRequest;
import io.resourceplans.api.v1.UnsubscribePackageResponse;
import javax.inject.Inject;
import javax.inject.Singleton;

/** RPC handlers for wallet, vouchers, orders, payment and packages; the gRPC service classes delegate here. */
@Singleton
public final class BillingRpcs {
  @Inject
  BillingRpcs() {}

  public void createOrder(CreateOrderRequest request, StreamObserver<CreateOrderResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("CreateOrder is not implemented yet").asRuntimeException();
  }

  public void getOrder(GetOrderRequest request, StreamObserver<GetOrderResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("GetOrder is not implemented yet").asRuntimeException();
  }

  public void listOrders(ListOrdersRequest request, StreamObserver<ListOrdersResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("ListOrders is not implemented yet").asRuntimeException();
  }

  public void cancelOrder(CancelOrderRequest request, StreamObserver<CancelOrderResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("CancelOrder is not implemented yet").asRuntimeException();
  }

  public void payOrder(PayOrderRequest request, StreamObserver<PayOrderResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("PayOrder is not implemented yet").asRuntimeException();
  }

  public void getWallet(GetWalletRequest request, StreamObserver<GetWalletResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("GetWallet is not implemented yet").asRuntimeException();
  }

  public void listLedgerEntries(ListLedgerEntriesRequest request, StreamObserver<ListLedgerEntriesResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("ListLedgerEntries is not implemented yet").asRuntimeException();
  }

  public void listVouchers(ListVouchersRequest request, StreamObserver<ListVouchersResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("ListVouchers is not implemented yet").asRuntimeException();
  }

  public void listPackages(ListPackagesRequest request, StreamObserver<ListPackagesResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("ListPackages is not implemented yet").asRuntimeException();
  }

  public void getPackage(GetPackageRequest request, StreamObserver<GetPackageResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("GetPackage is not implemented yet").asRuntimeException();
  }

  public void getPackageSummary(GetPackageSummaryRequest request, StreamObserver<GetPackageSummaryResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("GetPackageSummary is not implemented yet").asRuntimeException();
  }

  public void refundPackage(RefundPackageRequest request, StreamObserver<RefundPackageResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("RefundPackage is not implemented yet").asRuntimeException();
  }

  public void unsubscribePackage(UnsubscribePackageRequest request, StreamObserver<UnsubscribePackageResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("UnsubscribePackage is not implemented yet").asRuntimeException();
  }

  public void topUpCash(TopUpCashRequest request, StreamObserver<TopUpCashResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("TopUpCash is not implemented yet").asRuntimeException();
  }

  public void grantGiftBalance(GrantGiftBalanceRequest request, StreamObserver<GrantGiftBalanceResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("GrantGiftBalance is not implemented yet").asRuntimeException();
  }

  public void setCreditLine(SetCreditLineRequest request, StreamObserver<SetCreditLineResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("SetCreditLine is not implemented yet").asRuntimeException();
  }

  public void issueVoucher(IssueVoucherRequest request, StreamObserver<IssueVoucherResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("IssueVoucher is not implemented yet").asRuntimeException();
  }
}
