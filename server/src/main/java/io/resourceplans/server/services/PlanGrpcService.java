package io.resourceplans.server.services;

import io.grpc.stub.StreamObserver;
import io.resourceplans.api.v1.CaptureUsageRequest;
import io.resourceplans.api.v1.CaptureUsageResponse;
import io.resourceplans.api.v1.GetHoldRequest;
import io.resourceplans.api.v1.GetHoldResponse;
import io.resourceplans.api.v1.ListHoldsRequest;
import io.resourceplans.api.v1.ListHoldsResponse;
import io.resourceplans.api.v1.ReleaseUsageRequest;
import io.resourceplans.api.v1.ReleaseUsageResponse;
import io.resourceplans.api.v1.ReserveUsageRequest;
import io.resourceplans.api.v1.ReserveUsageResponse;
import io.resourceplans.api.v1.CancelOrderRequest;
import io.resourceplans.api.v1.CheckQuotaRequest;
import io.resourceplans.api.v1.CheckQuotaResponse;
import io.resourceplans.api.v1.CancelOrderResponse;
import io.resourceplans.api.v1.ClearAlertThresholdRequest;
import io.resourceplans.api.v1.ClearAlertThresholdResponse;
import io.resourceplans.api.v1.CreateOrderRequest;
import io.resourceplans.api.v1.CreateOrderResponse;
import io.resourceplans.api.v1.GetCurrentTermsRequest;
import io.resourceplans.api.v1.GetCurrentTermsResponse;
import io.resourceplans.api.v1.GetOrderRequest;
import io.resourceplans.api.v1.GetOrderResponse;
import io.resourceplans.api.v1.GetPackageRequest;
import io.resourceplans.api.v1.GetPackageResponse;
import io.resourceplans.api.v1.GetPackageSummaryRequest;
import io.resourceplans.api.v1.GetPackageSummaryResponse;
import io.resourceplans.api.v1.GetPlanSpecRequest;
import io.resourceplans.api.v1.GetPlanSpecResponse;
import io.resourceplans.api.v1.GetProductRequest;
import io.resourceplans.api.v1.GetProductResponse;
import io.resourceplans.api.v1.GetWalletRequest;
import io.resourceplans.api.v1.GetWalletResponse;
import io.resourceplans.api.v1.ListAlertSettingsRequest;
import io.resourceplans.api.v1.ListAlertSettingsResponse;
import io.resourceplans.api.v1.ListLedgerEntriesRequest;
import io.resourceplans.api.v1.ListLedgerEntriesResponse;
import io.resourceplans.api.v1.ListMessagesRequest;
import io.resourceplans.api.v1.ListMessagesResponse;
import io.resourceplans.api.v1.ListOrdersRequest;
import io.resourceplans.api.v1.ListOrdersResponse;
import io.resourceplans.api.v1.ListPackagesRequest;
import io.resourceplans.api.v1.ListPackagesResponse;
import io.resourceplans.api.v1.ListPlanSpecsRequest;
import io.resourceplans.api.v1.ListPlanSpecsResponse;
import io.resourceplans.api.v1.ListProductsRequest;
import io.resourceplans.api.v1.ListProductsResponse;
import io.resourceplans.api.v1.ListVouchersRequest;
import io.resourceplans.api.v1.ListVouchersResponse;
import io.resourceplans.api.v1.MarkMessageReadRequest;
import io.resourceplans.api.v1.MarkMessageReadResponse;
import io.resourceplans.api.v1.PayOrderRequest;
import io.resourceplans.api.v1.PayOrderResponse;
import io.resourceplans.api.v1.PlanServiceGrpc;
import io.resourceplans.api.v1.QuotePriceRequest;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.RecordUsageResponse;
import io.resourceplans.api.v1.RecordUsagesRequest;
import io.resourceplans.api.v1.RecordUsagesResponse;
import io.resourceplans.api.v1.QuotePriceResponse;
import io.resourceplans.api.v1.RefundPackageRequest;
import io.resourceplans.api.v1.RefundPackageResponse;
import io.resourceplans.api.v1.SetAlertThresholdRequest;
import io.resourceplans.api.v1.SetAlertThresholdResponse;
import io.resourceplans.api.v1.UnsubscribePackageRequest;
import io.resourceplans.api.v1.UnsubscribePackageResponse;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * PlanService: catalog, terms, orders, wallet, packages, usage, alerts and messages delegate to
 * their handlers.
 */
@Singleton
public final class PlanGrpcService extends PlanServiceGrpc.PlanServiceImplBase {
  private final CatalogRpcs catalogRpcs;
  private final AccessRpcs accessRpcs;
  private final BillingRpcs billingRpcs;
  private final UsageRpcs usageRpcs;
  private final AlertRpcs alertRpcs;
  private final HoldRpcs holdRpcs;
  private final PayAsYouGoSpendAlertRpcs spendAlertRpcs;

  @Inject
  PlanGrpcService(
      CatalogRpcs catalogRpcs, AccessRpcs accessRpcs, BillingRpcs billingRpcs, UsageRpcs usageRpcs, AlertRpcs alertRpcs,
      HoldRpcs holdRpcs, PayAsYouGoSpendAlertRpcs spendAlertRpcs) {
    this.holdRpcs = holdRpcs;
    this.spendAlertRpcs = spendAlertRpcs;
    this.catalogRpcs = catalogRpcs;
    this.accessRpcs = accessRpcs;
    this.billingRpcs = billingRpcs;
    this.usageRpcs = usageRpcs;
    this.alertRpcs = alertRpcs;
  }

  @Override
  public void recordUsage(RecordUsageRequest request, StreamObserver<RecordUsageResponse> out) {
    usageRpcs.recordUsage(request, out);
  }

  @Override
  public void recordUsages(RecordUsagesRequest request, StreamObserver<RecordUsagesResponse> out) {
    usageRpcs.recordUsages(request, out);
  }

  @Override
  public void checkQuota(CheckQuotaRequest request, StreamObserver<CheckQuotaResponse> out) {
    usageRpcs.checkQuota(request, out);
  }

  @Override
  public void setPayAsYouGoSpendAlert(
      io.resourceplans.api.v1.SetPayAsYouGoSpendAlertRequest request,
      StreamObserver<io.resourceplans.api.v1.SetPayAsYouGoSpendAlertResponse> out) {
    spendAlertRpcs.setPayAsYouGoSpendAlert(request, out);
  }

  @Override
  public void clearPayAsYouGoSpendAlert(
      io.resourceplans.api.v1.ClearPayAsYouGoSpendAlertRequest request,
      StreamObserver<io.resourceplans.api.v1.ClearPayAsYouGoSpendAlertResponse> out) {
    spendAlertRpcs.clearPayAsYouGoSpendAlert(request, out);
  }

  @Override
  public void getPayAsYouGoSpendAlert(
      io.resourceplans.api.v1.GetPayAsYouGoSpendAlertRequest request,
      StreamObserver<io.resourceplans.api.v1.GetPayAsYouGoSpendAlertResponse> out) {
    spendAlertRpcs.getPayAsYouGoSpendAlert(request, out);
  }

  @Override
  public void reserveUsage(ReserveUsageRequest request, StreamObserver<ReserveUsageResponse> out) {
    holdRpcs.reserveUsage(request, out);
  }

  @Override
  public void captureUsage(CaptureUsageRequest request, StreamObserver<CaptureUsageResponse> out) {
    holdRpcs.captureUsage(request, out);
  }

  @Override
  public void releaseUsage(ReleaseUsageRequest request, StreamObserver<ReleaseUsageResponse> out) {
    holdRpcs.releaseUsage(request, out);
  }

  @Override
  public void getHold(GetHoldRequest request, StreamObserver<GetHoldResponse> out) {
    holdRpcs.getHold(request, out);
  }

  @Override
  public void listHolds(ListHoldsRequest request, StreamObserver<ListHoldsResponse> out) {
    holdRpcs.listHolds(request, out);
  }

  @Override
  public void listUsageRecords(
      io.resourceplans.api.v1.ListUsageRecordsRequest request,
      StreamObserver<io.resourceplans.api.v1.ListUsageRecordsResponse> out) {
    usageRpcs.listUsageRecords(request, out);
  }

  @Override
  public void exportUsageRecords(
      io.resourceplans.api.v1.ExportUsageRecordsRequest request,
      StreamObserver<io.resourceplans.api.v1.ExportUsageRecordsResponse> out) {
    usageRpcs.exportUsageRecords(request, out);
  }

  @Override
  public void listProducts(ListProductsRequest request, StreamObserver<ListProductsResponse> out) {
    catalogRpcs.listProducts(request, out);
  }

  @Override
  public void getProduct(GetProductRequest request, StreamObserver<GetProductResponse> out) {
    catalogRpcs.getProduct(request, out);
  }

  @Override
  public void listPlanSpecs(ListPlanSpecsRequest request, StreamObserver<ListPlanSpecsResponse> out) {
    catalogRpcs.listPlanSpecs(request, out);
  }

  @Override
  public void getPlanSpec(GetPlanSpecRequest request, StreamObserver<GetPlanSpecResponse> out) {
    catalogRpcs.getPlanSpec(request, out);
  }

  @Override
  public void quotePrice(QuotePriceRequest request, StreamObserver<QuotePriceResponse> out) {
    catalogRpcs.quotePrice(request, out);
  }

  @Override
  public void getCurrentTerms(GetCurrentTermsRequest request, StreamObserver<GetCurrentTermsResponse> out) {
    accessRpcs.getCurrentTerms(request, out);
  }

  @Override
  public void createOrder(CreateOrderRequest request, StreamObserver<CreateOrderResponse> out) {
    billingRpcs.createOrder(request, out);
  }

  @Override
  public void getOrder(GetOrderRequest request, StreamObserver<GetOrderResponse> out) {
    billingRpcs.getOrder(request, out);
  }

  @Override
  public void listOrders(ListOrdersRequest request, StreamObserver<ListOrdersResponse> out) {
    billingRpcs.listOrders(request, out);
  }

  @Override
  public void cancelOrder(CancelOrderRequest request, StreamObserver<CancelOrderResponse> out) {
    billingRpcs.cancelOrder(request, out);
  }

  @Override
  public void payOrder(PayOrderRequest request, StreamObserver<PayOrderResponse> out) {
    billingRpcs.payOrder(request, out);
  }

  @Override
  public void getWallet(GetWalletRequest request, StreamObserver<GetWalletResponse> out) {
    billingRpcs.getWallet(request, out);
  }

  @Override
  public void listLedgerEntries(ListLedgerEntriesRequest request, StreamObserver<ListLedgerEntriesResponse> out) {
    billingRpcs.listLedgerEntries(request, out);
  }

  @Override
  public void listVouchers(ListVouchersRequest request, StreamObserver<ListVouchersResponse> out) {
    billingRpcs.listVouchers(request, out);
  }

  @Override
  public void listPackages(ListPackagesRequest request, StreamObserver<ListPackagesResponse> out) {
    billingRpcs.listPackages(request, out);
  }

  @Override
  public void getPackage(GetPackageRequest request, StreamObserver<GetPackageResponse> out) {
    billingRpcs.getPackage(request, out);
  }

  @Override
  public void getPackageSummary(GetPackageSummaryRequest request, StreamObserver<GetPackageSummaryResponse> out) {
    billingRpcs.getPackageSummary(request, out);
  }

  @Override
  public void refundPackage(RefundPackageRequest request, StreamObserver<RefundPackageResponse> out) {
    billingRpcs.refundPackage(request, out);
  }

  @Override
  public void unsubscribePackage(UnsubscribePackageRequest request, StreamObserver<UnsubscribePackageResponse> out) {
    billingRpcs.unsubscribePackage(request, out);
  }

  @Override
  public void setAlertThreshold(SetAlertThresholdRequest request, StreamObserver<SetAlertThresholdResponse> out) {
    alertRpcs.setAlertThreshold(request, out);
  }

  @Override
  public void clearAlertThreshold(ClearAlertThresholdRequest request, StreamObserver<ClearAlertThresholdResponse> out) {
    alertRpcs.clearAlertThreshold(request, out);
  }

  @Override
  public void listAlertSettings(ListAlertSettingsRequest request, StreamObserver<ListAlertSettingsResponse> out) {
    alertRpcs.listAlertSettings(request, out);
  }

  @Override
  public void listMessages(ListMessagesRequest request, StreamObserver<ListMessagesResponse> out) {
    alertRpcs.listMessages(request, out);
  }

  @Override
  public void markMessageRead(MarkMessageReadRequest request, StreamObserver<MarkMessageReadResponse> out) {
    alertRpcs.markMessageRead(request, out);
  }
}
