// Generated from resourceplans/v1/plan_service.proto by ServiceClientsGenerator (client tests): do not edit.
// ServiceClientsSourceTest says how to regenerate it when the protos change.
package io.resourceplans.client;

import io.resourceplans.api.v1.AlertSetting;
import io.resourceplans.api.v1.CancelOrderRequest;
import io.resourceplans.api.v1.CancelOrderResponse;
import io.resourceplans.api.v1.CaptureUsageRequest;
import io.resourceplans.api.v1.CaptureUsageResponse;
import io.resourceplans.api.v1.CheckQuotaRequest;
import io.resourceplans.api.v1.CheckQuotaResponse;
import io.resourceplans.api.v1.ClearAlertThresholdRequest;
import io.resourceplans.api.v1.ClearAlertThresholdResponse;
import io.resourceplans.api.v1.ClearPayAsYouGoSpendAlertRequest;
import io.resourceplans.api.v1.ClearPayAsYouGoSpendAlertResponse;
import io.resourceplans.api.v1.CreateOrderRequest;
import io.resourceplans.api.v1.CreateOrderResponse;
import io.resourceplans.api.v1.ExportUsageRecordsRequest;
import io.resourceplans.api.v1.ExportUsageRecordsResponse;
import io.resourceplans.api.v1.GetCurrentTermsRequest;
import io.resourceplans.api.v1.GetCurrentTermsResponse;
import io.resourceplans.api.v1.GetHoldRequest;
import io.resourceplans.api.v1.GetHoldResponse;
import io.resourceplans.api.v1.GetOrderRequest;
import io.resourceplans.api.v1.GetOrderResponse;
import io.resourceplans.api.v1.GetPackageRequest;
import io.resourceplans.api.v1.GetPackageResponse;
import io.resourceplans.api.v1.GetPackageSummaryRequest;
import io.resourceplans.api.v1.GetPackageSummaryResponse;
import io.resourceplans.api.v1.GetPayAsYouGoSpendAlertRequest;
import io.resourceplans.api.v1.GetPayAsYouGoSpendAlertResponse;
import io.resourceplans.api.v1.GetPlanSpecRequest;
import io.resourceplans.api.v1.GetPlanSpecResponse;
import io.resourceplans.api.v1.GetProductRequest;
import io.resourceplans.api.v1.GetProductResponse;
import io.resourceplans.api.v1.GetWalletRequest;
import io.resourceplans.api.v1.GetWalletResponse;
import io.resourceplans.api.v1.Hold;
import io.resourceplans.api.v1.InternalMessage;
import io.resourceplans.api.v1.LedgerEntry;
import io.resourceplans.api.v1.ListAlertSettingsRequest;
import io.resourceplans.api.v1.ListAlertSettingsResponse;
import io.resourceplans.api.v1.ListHoldsRequest;
import io.resourceplans.api.v1.ListHoldsResponse;
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
import io.resourceplans.api.v1.ListUsageRecordsRequest;
import io.resourceplans.api.v1.ListUsageRecordsResponse;
import io.resourceplans.api.v1.ListVouchersRequest;
import io.resourceplans.api.v1.ListVouchersResponse;
import io.resourceplans.api.v1.MarkMessageReadRequest;
import io.resourceplans.api.v1.MarkMessageReadResponse;
import io.resourceplans.api.v1.Order;
import io.resourceplans.api.v1.Package;
import io.resourceplans.api.v1.PayOrderRequest;
import io.resourceplans.api.v1.PayOrderResponse;
import io.resourceplans.api.v1.PlanServiceGrpc;
import io.resourceplans.api.v1.PlanSpec;
import io.resourceplans.api.v1.Product;
import io.resourceplans.api.v1.QuotePriceRequest;
import io.resourceplans.api.v1.QuotePriceResponse;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.RecordUsageResponse;
import io.resourceplans.api.v1.RecordUsagesRequest;
import io.resourceplans.api.v1.RecordUsagesResponse;
import io.resourceplans.api.v1.RefundPackageRequest;
import io.resourceplans.api.v1.RefundPackageResponse;
import io.resourceplans.api.v1.ReleaseUsageRequest;
import io.resourceplans.api.v1.ReleaseUsageResponse;
import io.resourceplans.api.v1.ReserveUsageRequest;
import io.resourceplans.api.v1.ReserveUsageResponse;
import io.resourceplans.api.v1.SetAlertThresholdRequest;
import io.resourceplans.api.v1.SetAlertThresholdResponse;
import io.resourceplans.api.v1.SetPayAsYouGoSpendAlertRequest;
import io.resourceplans.api.v1.SetPayAsYouGoSpendAlertResponse;
import io.resourceplans.api.v1.UnsubscribePackageRequest;
import io.resourceplans.api.v1.UnsubscribePackageResponse;
import io.resourceplans.api.v1.UsageRecord;
import io.resourceplans.api.v1.Voucher;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;

/**
 * The client of {@code resourceplans.v1.PlanService}, from {@link ResourcePlansClient}.
 *
 * <p>The account side of the catalog and of money.
 *
 * <p>Account-scoped RPCs act on the caller's own account (derived from the API
 * key) and take no account_id; operator keys calling them get
 * PERMISSION_DENIED reason ACCOUNT_ONLY. Catalog reads (products, plan specs,
 * terms, quotes) are open to any authenticated caller.
 *
 * <p>Common errors of every RPC (not repeated below): UNAUTHENTICATED reason
 * API_KEY_MISSING / API_KEY_INVALID; PERMISSION_DENIED reason OPERATOR_ONLY /
 * MAIN_ACCOUNT_ONLY / PERMISSION_MISSING / ACCOUNT_ONLY when the caller rule
 * of the RPC is not met; another tenant's resource is NOT_FOUND like a
 * missing one; INVALID_ARGUMENT reason IDEMPOTENCY_KEY_REUSED (mutating RPCs)
 * and PAGE_TOKEN_INVALID (List RPCs).
 *
 * <p>Each RPC has a blocking method, which returns the answer or throws
 * {@link ResourcePlansException}, and an {@code …Async} one returning a CompletableFuture; each
 * List RPC with pages also has a {@code listAll…} method walking every page. Calls fill an empty
 * request_id and are retried as {@link RetrySettings} says. Thread-safe.
 */
public final class PlanServiceClient {
  private final UnaryCaller caller;

  PlanServiceClient(UnaryCaller caller) {
    this.caller = caller;
  }

  /**
   * This client with a deadline of its own for every call, instead of the client's default.
   *
   * @param deadline time each call may take, retries included
   * @return a client sharing this one's connection
   */
  public PlanServiceClient withDeadline(Duration deadline) {
    return new PlanServiceClient(caller.withDeadline(deadline));
  }

  /**
   * Lists the products of the catalog, ordered by product_id.
   * Callers: any authenticated caller.
   * Errors: INVALID_ARGUMENT (field violations).
   *
   * <p>RPC {@code resourceplans.v1.PlanService/ListProducts}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public ListProductsResponse listProducts(ListProductsRequest request) {
    return caller.call(PlanServiceGrpc.getListProductsMethod(), request);
  }

  /**
   * {@link #listProducts} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<ListProductsResponse> listProductsAsync(ListProductsRequest request) {
    return caller.callAsync(PlanServiceGrpc.getListProductsMethod(), request);
  }

  /**
   * Every Product {@link #listProducts} lists, fetching its pages one after another as the
   * iteration reaches them (see {@link Paged}). The request's page_size sets the page size.
   *
   * @param request the request of the first page (page_token empty)
   * @return the items, fetched as they are used
   */
  public Paged<Product> listAllProducts(ListProductsRequest request) {
    return caller.pages(PlanServiceGrpc.getListProductsMethod(), request, ListProductsResponse::getProductsList);
  }

  /**
   * Gets one product, with its pay-as-you-go prices.
   * Callers: any authenticated caller.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * PRODUCT_NOT_FOUND.
   *
   * <p>RPC {@code resourceplans.v1.PlanService/GetProduct}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public GetProductResponse getProduct(GetProductRequest request) {
    return caller.call(PlanServiceGrpc.getGetProductMethod(), request);
  }

  /**
   * {@link #getProduct} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<GetProductResponse> getProductAsync(GetProductRequest request) {
    return caller.callAsync(PlanServiceGrpc.getGetProductMethod(), request);
  }

  /**
   * Lists the plan specs of a product, ordered by plan_spec_id; retired specs
   * only when asked.
   * Callers: any authenticated caller.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * PRODUCT_NOT_FOUND.
   *
   * <p>RPC {@code resourceplans.v1.PlanService/ListPlanSpecs}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public ListPlanSpecsResponse listPlanSpecs(ListPlanSpecsRequest request) {
    return caller.call(PlanServiceGrpc.getListPlanSpecsMethod(), request);
  }

  /**
   * {@link #listPlanSpecs} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<ListPlanSpecsResponse> listPlanSpecsAsync(ListPlanSpecsRequest request) {
    return caller.callAsync(PlanServiceGrpc.getListPlanSpecsMethod(), request);
  }

  /**
   * Every PlanSpec {@link #listPlanSpecs} lists, fetching its pages one after another as the
   * iteration reaches them (see {@link Paged}). The request's page_size sets the page size.
   *
   * @param request the request of the first page (page_token empty)
   * @return the items, fetched as they are used
   */
  public Paged<PlanSpec> listAllPlanSpecs(ListPlanSpecsRequest request) {
    return caller.pages(PlanServiceGrpc.getListPlanSpecsMethod(), request, ListPlanSpecsResponse::getPlanSpecsList);
  }

  /**
   * Gets one plan spec (active or retired).
   * Callers: any authenticated caller.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * PLAN_SPEC_NOT_FOUND.
   *
   * <p>RPC {@code resourceplans.v1.PlanService/GetPlanSpec}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public GetPlanSpecResponse getPlanSpec(GetPlanSpecRequest request) {
    return caller.call(PlanServiceGrpc.getGetPlanSpecMethod(), request);
  }

  /**
   * {@link #getPlanSpec} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<GetPlanSpecResponse> getPlanSpecAsync(GetPlanSpecRequest request) {
    return caller.callAsync(PlanServiceGrpc.getGetPlanSpecMethod(), request);
  }

  /**
   * Gets the current (newest published) version of an agreement, whose
   * version must be sent back by CreateOrder, ActivatePayAsYouGo,
   * ActivateMarketplacePlan, Register or CreateWorkspace.
   * Callers: any authenticated caller.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * TERMS_NOT_FOUND (no version of that kind published yet).
   *
   * <p>RPC {@code resourceplans.v1.PlanService/GetCurrentTerms}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public GetCurrentTermsResponse getCurrentTerms(GetCurrentTermsRequest request) {
    return caller.call(PlanServiceGrpc.getGetCurrentTermsMethod(), request);
  }

  /**
   * {@link #getCurrentTerms} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<GetCurrentTermsResponse> getCurrentTermsAsync(GetCurrentTermsRequest request) {
    return caller.callAsync(PlanServiceGrpc.getGetCurrentTermsMethod(), request);
  }

  /**
   * Prices a purchase without creating anything: the unit price, the volume
   * tier applied (custom specs) and the total, exactly as CreateOrder would.
   * Callers: any authenticated caller.
   * Errors: INVALID_ARGUMENT (field violations); INVALID_ARGUMENT reason
   * QUANTITY_NOT_ALLOWED / PURPOSE_NOT_ALLOWED (with a field violation on
   * quantity / purpose; QUANTITY_NOT_ALLOWED also when the amount would be
   * above 1,000,000,000,000,000.00); NOT_FOUND reason PLAN_SPEC_NOT_FOUND;
   * FAILED_PRECONDITION reason PLAN_SPEC_RETIRED.
   *
   * <p>RPC {@code resourceplans.v1.PlanService/QuotePrice}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public QuotePriceResponse quotePrice(QuotePriceRequest request) {
    return caller.call(PlanServiceGrpc.getQuotePriceMethod(), request);
  }

  /**
   * {@link #quotePrice} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<QuotePriceResponse> quotePriceAsync(QuotePriceRequest request) {
    return caller.callAsync(PlanServiceGrpc.getQuotePriceMethod(), request);
  }

  /**
   * Creates an order in ORDER_STATE_PENDING_PAYMENT with one purchase line,
   * after checking that the account's identity is verified (required to buy
   * in every region), the region, the spec, quantity and purpose, and the
   * accepted resource plan terms version (stored with the acceptance time).
   * An unpaid order expires at its expire_time (a server setting, 24 hours by
   * default); it can be cancelled before.
   * Callers: account main key, or a sub-user with PERMISSION_PRODUCT_ACCESS
   * and PERMISSION_ORDER_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations); INVALID_ARGUMENT reason
   * QUANTITY_NOT_ALLOWED / PURPOSE_NOT_ALLOWED (with a field violation;
   * QUANTITY_NOT_ALLOWED also when the amount would be above
   * 1,000,000,000,000,000.00); NOT_FOUND reason PLAN_SPEC_NOT_FOUND /
   * REGION_NOT_FOUND; FAILED_PRECONDITION reason PLAN_SPEC_RETIRED;
   * FAILED_PRECONDITION reason IDENTITY_NOT_VERIFIED; FAILED_PRECONDITION
   * reason TERMS_VERSION_OUTDATED; FAILED_PRECONDITION reason
   * TERMS_NOT_PUBLISHED.
   *
   * <p>RPC {@code resourceplans.v1.PlanService/CreateOrder}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public CreateOrderResponse createOrder(CreateOrderRequest request) {
    return caller.call(PlanServiceGrpc.getCreateOrderMethod(), request);
  }

  /**
   * {@link #createOrder} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<CreateOrderResponse> createOrderAsync(CreateOrderRequest request) {
    return caller.callAsync(PlanServiceGrpc.getCreateOrderMethod(), request);
  }

  /**
   * Gets one order of the caller's account.
   * Callers: account main key, or a sub-user with PERMISSION_ORDER_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * ORDER_NOT_FOUND.
   *
   * <p>RPC {@code resourceplans.v1.PlanService/GetOrder}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public GetOrderResponse getOrder(GetOrderRequest request) {
    return caller.call(PlanServiceGrpc.getGetOrderMethod(), request);
  }

  /**
   * {@link #getOrder} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<GetOrderResponse> getOrderAsync(GetOrderRequest request) {
    return caller.callAsync(PlanServiceGrpc.getGetOrderMethod(), request);
  }

  /**
   * Lists the orders of the caller's account, newest first (create_time
   * descending, then order_id), optionally by state.
   * Callers: account main key, or a sub-user with PERMISSION_ORDER_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations).
   *
   * <p>RPC {@code resourceplans.v1.PlanService/ListOrders}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public ListOrdersResponse listOrders(ListOrdersRequest request) {
    return caller.call(PlanServiceGrpc.getListOrdersMethod(), request);
  }

  /**
   * {@link #listOrders} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<ListOrdersResponse> listOrdersAsync(ListOrdersRequest request) {
    return caller.callAsync(PlanServiceGrpc.getListOrdersMethod(), request);
  }

  /**
   * Every Order {@link #listOrders} lists, fetching its pages one after another as the
   * iteration reaches them (see {@link Paged}). The request's page_size sets the page size.
   *
   * @param request the request of the first page (page_token empty)
   * @return the items, fetched as they are used
   */
  public Paged<Order> listAllOrders(ListOrdersRequest request) {
    return caller.pages(PlanServiceGrpc.getListOrdersMethod(), request, ListOrdersResponse::getOrdersList);
  }

  /**
   * Cancels an order that is pending payment. Cancelling an order that is
   * already cancelled returns it unchanged.
   * Callers: account main key, or a sub-user with PERMISSION_ORDER_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * ORDER_NOT_FOUND; FAILED_PRECONDITION reason ORDER_ALREADY_PAID;
   * FAILED_PRECONDITION reason ORDER_EXPIRED.
   *
   * <p>RPC {@code resourceplans.v1.PlanService/CancelOrder}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public CancelOrderResponse cancelOrder(CancelOrderRequest request) {
    return caller.call(PlanServiceGrpc.getCancelOrderMethod(), request);
  }

  /**
   * {@link #cancelOrder} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<CancelOrderResponse> cancelOrderAsync(CancelOrderRequest request) {
    return caller.callAsync(PlanServiceGrpc.getCancelOrderMethod(), request);
  }

  /**
   * Pays an order pending payment, all or nothing, in one transaction: at
   * most one voucher first (min(voucher amount, order total)), then the
   * wallet in the fixed order gift balance, cash balance, credit line. On
   * success the order is ORDER_STATE_PAID with its payment breakdown, the
   * voucher is used and the packages are issued (one per fixed package
   * bought, one for a custom purchase), valid from the payment time for the
   * spec's validity_months.
   * Callers: account main key, or a sub-user with PERMISSION_PRODUCT_ACCESS
   * and PERMISSION_ORDER_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * ORDER_NOT_FOUND; NOT_FOUND reason VOUCHER_NOT_FOUND; FAILED_PRECONDITION
   * reason ORDER_ALREADY_PAID; FAILED_PRECONDITION reason ORDER_CANCELLED;
   * FAILED_PRECONDITION reason ORDER_EXPIRED; FAILED_PRECONDITION reason
   * VOUCHER_ALREADY_USED; FAILED_PRECONDITION reason VOUCHER_EXPIRED;
   * FAILED_PRECONDITION reason VOUCHER_NOT_APPLICABLE (product scope or
   * minimum order amount); FAILED_PRECONDITION reason INSUFFICIENT_BALANCE
   * (wallet available below what is left after the voucher).
   *
   * <p>RPC {@code resourceplans.v1.PlanService/PayOrder}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public PayOrderResponse payOrder(PayOrderRequest request) {
    return caller.call(PlanServiceGrpc.getPayOrderMethod(), request);
  }

  /**
   * {@link #payOrder} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<PayOrderResponse> payOrderAsync(PayOrderRequest request) {
    return caller.callAsync(PlanServiceGrpc.getPayOrderMethod(), request);
  }

  /**
   * Gets the caller's wallet: cash balance, gift balance, credit line,
   * credit used and available.
   * Callers: account main key, or a sub-user with PERMISSION_ORDER_ACCESS.
   * Errors: none besides the common ones.
   *
   * <p>RPC {@code resourceplans.v1.PlanService/GetWallet}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public GetWalletResponse getWallet(GetWalletRequest request) {
    return caller.call(PlanServiceGrpc.getGetWalletMethod(), request);
  }

  /**
   * {@link #getWallet} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<GetWalletResponse> getWalletAsync(GetWalletRequest request) {
    return caller.callAsync(PlanServiceGrpc.getGetWalletMethod(), request);
  }

  /**
   * Lists the wallet's ledger entries, newest first (create_time
   * descending, then ledger_entry_id).
   * Callers: account main key, or a sub-user with PERMISSION_ORDER_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations).
   *
   * <p>RPC {@code resourceplans.v1.PlanService/ListLedgerEntries}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public ListLedgerEntriesResponse listLedgerEntries(ListLedgerEntriesRequest request) {
    return caller.call(PlanServiceGrpc.getListLedgerEntriesMethod(), request);
  }

  /**
   * {@link #listLedgerEntries} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<ListLedgerEntriesResponse> listLedgerEntriesAsync(ListLedgerEntriesRequest request) {
    return caller.callAsync(PlanServiceGrpc.getListLedgerEntriesMethod(), request);
  }

  /**
   * Every LedgerEntry {@link #listLedgerEntries} lists, fetching its pages one after another as the
   * iteration reaches them (see {@link Paged}). The request's page_size sets the page size.
   *
   * @param request the request of the first page (page_token empty)
   * @return the items, fetched as they are used
   */
  public Paged<LedgerEntry> listAllLedgerEntries(ListLedgerEntriesRequest request) {
    return caller.pages(PlanServiceGrpc.getListLedgerEntriesMethod(), request, ListLedgerEntriesResponse::getLedgerEntriesList);
  }

  /**
   * Lists the caller's vouchers, soonest expiry first (expire_time
   * ascending, then voucher_id); optionally by state, or only those usable
   * for a given order.
   * Callers: account main key, or a sub-user with PERMISSION_ORDER_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * ORDER_NOT_FOUND (usable_for_order_id).
   *
   * <p>RPC {@code resourceplans.v1.PlanService/ListVouchers}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public ListVouchersResponse listVouchers(ListVouchersRequest request) {
    return caller.call(PlanServiceGrpc.getListVouchersMethod(), request);
  }

  /**
   * {@link #listVouchers} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<ListVouchersResponse> listVouchersAsync(ListVouchersRequest request) {
    return caller.callAsync(PlanServiceGrpc.getListVouchersMethod(), request);
  }

  /**
   * Every Voucher {@link #listVouchers} lists, fetching its pages one after another as the
   * iteration reaches them (see {@link Paged}). The request's page_size sets the page size.
   *
   * @param request the request of the first page (page_token empty)
   * @return the items, fetched as they are used
   */
  public Paged<Voucher> listAllVouchers(ListVouchersRequest request) {
    return caller.pages(PlanServiceGrpc.getListVouchersMethod(), request, ListVouchersResponse::getVouchersList);
  }

  /**
   * Lists the caller's packages, newest first (purchase_time descending,
   * then package_id), optionally by product, purpose, status and region.
   * Callers: account main key, or a sub-user with PERMISSION_PRODUCT_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations).
   *
   * <p>RPC {@code resourceplans.v1.PlanService/ListPackages}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public ListPackagesResponse listPackages(ListPackagesRequest request) {
    return caller.call(PlanServiceGrpc.getListPackagesMethod(), request);
  }

  /**
   * {@link #listPackages} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<ListPackagesResponse> listPackagesAsync(ListPackagesRequest request) {
    return caller.callAsync(PlanServiceGrpc.getListPackagesMethod(), request);
  }

  /**
   * Every Package {@link #listPackages} lists, fetching its pages one after another as the
   * iteration reaches them (see {@link Paged}). The request's page_size sets the page size.
   *
   * @param request the request of the first page (page_token empty)
   * @return the items, fetched as they are used
   */
  public Paged<Package> listAllPackages(ListPackagesRequest request) {
    return caller.pages(PlanServiceGrpc.getListPackagesMethod(), request, ListPackagesResponse::getPackagesList);
  }

  /**
   * Gets one package, with its most recent consumption: up to 10 usage
   * records that drew from it, newest first (ListUsageRecords with
   * package_id pages through all of them).
   * Callers: account main key, or a sub-user with PERMISSION_PRODUCT_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * PACKAGE_NOT_FOUND.
   *
   * <p>RPC {@code resourceplans.v1.PlanService/GetPackage}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public GetPackageResponse getPackage(GetPackageRequest request) {
    return caller.call(PlanServiceGrpc.getGetPackageMethod(), request);
  }

  /**
   * {@link #getPackage} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<GetPackageResponse> getPackageAsync(GetPackageRequest request) {
    return caller.callAsync(PlanServiceGrpc.getGetPackageMethod(), request);
  }

  /**
   * Sums the remaining quantity per product and per purpose, counting active
   * packages only. Every product of the catalog (or the one asked for)
   * appears, with all three purposes, zero when nothing remains.
   * Callers: account main key, or a sub-user with PERMISSION_PRODUCT_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * PRODUCT_NOT_FOUND.
   *
   * <p>RPC {@code resourceplans.v1.PlanService/GetPackageSummary}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public GetPackageSummaryResponse getPackageSummary(GetPackageSummaryRequest request) {
    return caller.call(PlanServiceGrpc.getGetPackageSummaryMethod(), request);
  }

  /**
   * {@link #getPackageSummary} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<GetPackageSummaryResponse> getPackageSummaryAsync(GetPackageSummaryRequest request) {
    return caller.callAsync(PlanServiceGrpc.getGetPackageSummaryMethod(), request);
  }

  /**
   * Asks for a refund of a package. Resource plans are non-refundable: after
   * checking that the package exists, this always fails.
   * Callers: account main key, or a sub-user with PERMISSION_ORDER_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * PACKAGE_NOT_FOUND; FAILED_PRECONDITION reason PLAN_NON_REFUNDABLE
   * (always).
   *
   * <p>RPC {@code resourceplans.v1.PlanService/RefundPackage}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public RefundPackageResponse refundPackage(RefundPackageRequest request) {
    return caller.call(PlanServiceGrpc.getRefundPackageMethod(), request);
  }

  /**
   * {@link #refundPackage} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<RefundPackageResponse> refundPackageAsync(RefundPackageRequest request) {
    return caller.callAsync(PlanServiceGrpc.getRefundPackageMethod(), request);
  }

  /**
   * Asks to unsubscribe from a package. Resource plans cannot be
   * unsubscribed: after checking that the package exists, this always fails.
   * Callers: account main key, or a sub-user with PERMISSION_ORDER_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * PACKAGE_NOT_FOUND; FAILED_PRECONDITION reason PLAN_NON_REFUNDABLE
   * (always).
   *
   * <p>RPC {@code resourceplans.v1.PlanService/UnsubscribePackage}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public UnsubscribePackageResponse unsubscribePackage(UnsubscribePackageRequest request) {
    return caller.call(PlanServiceGrpc.getUnsubscribePackageMethod(), request);
  }

  /**
   * {@link #unsubscribePackage} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<UnsubscribePackageResponse> unsubscribePackageAsync(UnsubscribePackageRequest request) {
    return caller.callAsync(PlanServiceGrpc.getUnsubscribePackageMethod(), request);
  }

  /**
   * Records usage (the sending hot path) and deducts it atomically from the
   * active packages of the product in the usage's region: packages of the
   * exact purpose first, then general ones; within each group, earliest
   * expire_time first, then oldest purchase_time (then package_id). If the
   * packages do not cover the whole quantity and pay-as-you-go is active for
   * the product in that region, the rest is charged at the product's
   * pay-as-you-go unit price for the purpose (rounded per record) to the
   * wallet (gift, cash, credit). Otherwise nothing at all is deducted. The
   * request_id is the sender's own idempotency key: a retry returns the
   * first answer. Remaining-quota alerts are evaluated in the same
   * transaction.
   * Callers: account main key, or a sub-user with PERMISSION_PRODUCT_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * PRODUCT_NOT_FOUND / REGION_NOT_FOUND; RESOURCE_EXHAUSTED reason
   * QUOTA_EXHAUSTED (packages do not cover it and pay-as-you-go is not
   * active, or has no price for the purpose); FAILED_PRECONDITION reason
   * INSUFFICIENT_BALANCE (pay-as-you-go charge above wallet available).
   *
   * <p>RPC {@code resourceplans.v1.PlanService/RecordUsage}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public RecordUsageResponse recordUsage(RecordUsageRequest request) {
    return caller.call(PlanServiceGrpc.getRecordUsageMethod(), request);
  }

  /**
   * {@link #recordUsage} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<RecordUsageResponse> recordUsageAsync(RecordUsageRequest request) {
    return caller.callAsync(PlanServiceGrpc.getRecordUsageMethod(), request);
  }

  /**
   * Records up to 1,000 usages in one call, for sending pipelines: each record
   * is decided exactly as RecordUsage would decide it alone (same burn-down,
   * pay-as-you-go and alert rules, same idempotency by its own request_id),
   * all or nothing per record, not per call: a refused record changes nothing
   * and leaves the others recorded. Records are decided in the order given.
   * A call sent again is answered record by record as the first time (the
   * records it recorded come back with replayed = true).
   * Callers: account main key, or a sub-user with PERMISSION_PRODUCT_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations, named like
   * `records[3].quantity`; a request_id given twice in one call is one too),
   * and then nothing is recorded. A record's own refusal (QUOTA_EXHAUSTED,
   * INSUFFICIENT_BALANCE, PRODUCT_NOT_FOUND, IDEMPOTENCY_KEY_REUSED, ...) is
   * its result's `error`, not the call's status.
   *
   * <p>RPC {@code resourceplans.v1.PlanService/RecordUsages}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public RecordUsagesResponse recordUsages(RecordUsagesRequest request) {
    return caller.call(PlanServiceGrpc.getRecordUsagesMethod(), request);
  }

  /**
   * {@link #recordUsages} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<RecordUsagesResponse> recordUsagesAsync(RecordUsagesRequest request) {
    return caller.callAsync(PlanServiceGrpc.getRecordUsagesMethod(), request);
  }

  /**
   * Read-only check: could RecordUsage of this quantity succeed now? Same
   * rules as RecordUsage, nothing is deducted or reserved.
   * Callers: account main key, or a sub-user with PERMISSION_PRODUCT_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * PRODUCT_NOT_FOUND / REGION_NOT_FOUND.
   *
   * <p>RPC {@code resourceplans.v1.PlanService/CheckQuota}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public CheckQuotaResponse checkQuota(CheckQuotaRequest request) {
    return caller.call(PlanServiceGrpc.getCheckQuotaMethod(), request);
  }

  /**
   * {@link #checkQuota} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<CheckQuotaResponse> checkQuotaAsync(CheckQuotaRequest request) {
    return caller.callAsync(PlanServiceGrpc.getCheckQuotaMethod(), request);
  }

  /**
   * Reserves quota before a campaign sends (a hold, docs/holds.md): takes
   * `quantity` from the account's active packages in burn-down order, as
   * RecordUsage would, and keeps it for the hold until it is captured,
   * released or expires. Held units leave the packages' remaining quantity at
   * once, so RecordUsage, CheckQuota, summaries and alerts no longer count
   * them (an alert fires on the crossing a hold causes). All or nothing: when
   * the packages do not cover the whole quantity, the rest is held
   * pay-as-you-go where it is active for the product, purpose and region: its
   * price is taken from the wallet now (gift, cash, then credit) and what is
   * not captured goes back when the hold ends; otherwise nothing is held.
   * Callers: account main key, or a sub-user with PERMISSION_PRODUCT_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * PRODUCT_NOT_FOUND / REGION_NOT_FOUND; RESOURCE_EXHAUSTED reason
   * QUOTA_EXHAUSTED (ErrorInfo metadata `requested`, `available`);
   * FAILED_PRECONDITION reason INSUFFICIENT_BALANCE (the wallet cannot pay the
   * pay-as-you-go part).
   *
   * <p>RPC {@code resourceplans.v1.PlanService/ReserveUsage}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public ReserveUsageResponse reserveUsage(ReserveUsageRequest request) {
    return caller.call(PlanServiceGrpc.getReserveUsageMethod(), request);
  }

  /**
   * {@link #reserveUsage} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<ReserveUsageResponse> reserveUsageAsync(ReserveUsageRequest request) {
    return caller.callAsync(PlanServiceGrpc.getReserveUsageMethod(), request);
  }

  /**
   * Turns part or all of an active hold into a usage record: the units are
   * taken from the hold's packages in the order they were held (they left the
   * packages at reservation), then from its pay-as-you-go units, charged
   * cumulatively (the captures of a hold together charge exactly its captured
   * pay-as-you-go units x unit price, rounded once; the money was taken at
   * reservation, so a capture moves none). Several captures may follow
   * one another until the hold is used up; the hold is CAPTURED when nothing
   * is left. The usage record is listed with the others (its request_id is
   * this request's).
   * Callers: account main key, or a sub-user with PERMISSION_PRODUCT_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * HOLD_NOT_FOUND; FAILED_PRECONDITION reason HOLD_NOT_ACTIVE (captured in
   * full, released or expired), HOLD_EXPIRED (its expire_time has passed) or
   * HOLD_QUANTITY_EXCEEDED (more than the hold still holds; ErrorInfo
   * metadata `held`).
   *
   * <p>RPC {@code resourceplans.v1.PlanService/CaptureUsage}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public CaptureUsageResponse captureUsage(CaptureUsageRequest request) {
    return caller.call(PlanServiceGrpc.getCaptureUsageMethod(), request);
  }

  /**
   * {@link #captureUsage} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<CaptureUsageResponse> captureUsageAsync(CaptureUsageRequest request) {
    return caller.callAsync(PlanServiceGrpc.getCaptureUsageMethod(), request);
  }

  /**
   * Gives what an active hold still holds back to the packages it came from,
   * and the money of its uncaptured pay-as-you-go units back to the wallet
   * (status RELEASED). A package that expired meanwhile gets its units back
   * too, and they expire with it (they are not usable).
   * Callers: account main key, or a sub-user with PERMISSION_PRODUCT_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * HOLD_NOT_FOUND; FAILED_PRECONDITION reason HOLD_NOT_ACTIVE.
   *
   * <p>RPC {@code resourceplans.v1.PlanService/ReleaseUsage}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public ReleaseUsageResponse releaseUsage(ReleaseUsageRequest request) {
    return caller.call(PlanServiceGrpc.getReleaseUsageMethod(), request);
  }

  /**
   * {@link #releaseUsage} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<ReleaseUsageResponse> releaseUsageAsync(ReleaseUsageRequest request) {
    return caller.callAsync(PlanServiceGrpc.getReleaseUsageMethod(), request);
  }

  /**
   * One hold of the caller's account.
   * Callers: account main key, or a sub-user with PERMISSION_PRODUCT_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * HOLD_NOT_FOUND (also for another account's hold).
   *
   * <p>RPC {@code resourceplans.v1.PlanService/GetHold}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public GetHoldResponse getHold(GetHoldRequest request) {
    return caller.call(PlanServiceGrpc.getGetHoldMethod(), request);
  }

  /**
   * {@link #getHold} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<GetHoldResponse> getHoldAsync(GetHoldRequest request) {
    return caller.callAsync(PlanServiceGrpc.getGetHoldMethod(), request);
  }

  /**
   * The caller's holds, newest first, paged; optionally of one status.
   * Callers: account main key, or a sub-user with PERMISSION_PRODUCT_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations; reason PAGE_TOKEN_INVALID for
   * a token not from this list and filter).
   *
   * <p>RPC {@code resourceplans.v1.PlanService/ListHolds}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public ListHoldsResponse listHolds(ListHoldsRequest request) {
    return caller.call(PlanServiceGrpc.getListHoldsMethod(), request);
  }

  /**
   * {@link #listHolds} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<ListHoldsResponse> listHoldsAsync(ListHoldsRequest request) {
    return caller.callAsync(PlanServiceGrpc.getListHoldsMethod(), request);
  }

  /**
   * Every Hold {@link #listHolds} lists, fetching its pages one after another as the
   * iteration reaches them (see {@link Paged}). The request's page_size sets the page size.
   *
   * @param request the request of the first page (page_token empty)
   * @return the items, fetched as they are used
   */
  public Paged<Hold> listAllHolds(ListHoldsRequest request) {
    return caller.pages(PlanServiceGrpc.getListHoldsMethod(), request, ListHoldsResponse::getHoldsList);
  }

  /**
   * Lists the caller's usage records with their funding (which packages,
   * and how much from each, or which pay-as-you-go unit price and charge
   * paid for each record), newest first (record_time descending, then
   * usage_id). Filters combine (AND): a time range, product, purpose,
   * package (the records that drew from it: a package's full consumption
   * history), request_id prefix and campaign tag.
   * Callers: account main key, or a sub-user with PERMISSION_PRODUCT_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations: bad filters, or end_time
   * not after start_time).
   *
   * <p>RPC {@code resourceplans.v1.PlanService/ListUsageRecords}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public ListUsageRecordsResponse listUsageRecords(ListUsageRecordsRequest request) {
    return caller.call(PlanServiceGrpc.getListUsageRecordsMethod(), request);
  }

  /**
   * {@link #listUsageRecords} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<ListUsageRecordsResponse> listUsageRecordsAsync(ListUsageRecordsRequest request) {
    return caller.callAsync(PlanServiceGrpc.getListUsageRecordsMethod(), request);
  }

  /**
   * Every UsageRecord {@link #listUsageRecords} lists, fetching its pages one after another as the
   * iteration reaches them (see {@link Paged}). The request's page_size sets the page size.
   *
   * @param request the request of the first page (page_token empty)
   * @return the items, fetched as they are used
   */
  public Paged<UsageRecord> listAllUsageRecords(ListUsageRecordsRequest request) {
    return caller.pages(PlanServiceGrpc.getListUsageRecordsMethod(), request, ListUsageRecordsResponse::getUsageRecordsList);
  }

  /**
   * Exports the caller's usage records of a period as CSV, streamed in
   * chunks: the first chunk starts with the header row, every record is one
   * row (columns in ExportUsageRecordsResponse), newest first as
   * ListUsageRecords lists them, with the same filters. The server reads
   * the period page by page, so no period is too long; a dropped stream is
   * asked again with the resume_token of the last chunk received, and goes
   * on after that chunk.
   * Callers: account main key, or a sub-user with PERMISSION_PRODUCT_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations: start_time and end_time are
   * required, end_time after start_time).
   *
   * <p>RPC {@code resourceplans.v1.PlanService/ExportUsageRecords} (a server stream).
   *
   * @param request the request
   * @return the answers, read as they arrive; a failure is thrown by
   *     {@code hasNext} or {@code next} as {@link ResourcePlansException}
   */
  public Iterator<ExportUsageRecordsResponse> exportUsageRecords(ExportUsageRecordsRequest request) {
    return caller.stream(PlanServiceGrpc.getExportUsageRecordsMethod(), request);
  }

  /**
   * Sets (or replaces) the remaining-quota alert threshold of a product and
   * purpose. The remaining quantity compared is the sum over active packages
   * of exactly that product and purpose (all regions). When it goes from at
   * least the threshold to below it, one alert is sent on the chosen
   * channels (state TRIGGERED); the alert re-arms (state ARMED) once the
   * remaining quantity is at least the threshold again. If it is already
   * below the threshold when set, one alert is sent right away.
   * Callers: account main key, or a sub-user with PERMISSION_PRODUCT_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * PRODUCT_NOT_FOUND.
   *
   * <p>RPC {@code resourceplans.v1.PlanService/SetAlertThreshold}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public SetAlertThresholdResponse setAlertThreshold(SetAlertThresholdRequest request) {
    return caller.call(PlanServiceGrpc.getSetAlertThresholdMethod(), request);
  }

  /**
   * {@link #setAlertThreshold} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<SetAlertThresholdResponse> setAlertThresholdAsync(SetAlertThresholdRequest request) {
    return caller.callAsync(PlanServiceGrpc.getSetAlertThresholdMethod(), request);
  }

  /**
   * Removes the alert threshold of a product and purpose (it then shows as
   * not set). Clearing one that is not set succeeds.
   * Callers: account main key, or a sub-user with PERMISSION_PRODUCT_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * PRODUCT_NOT_FOUND.
   *
   * <p>RPC {@code resourceplans.v1.PlanService/ClearAlertThreshold}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public ClearAlertThresholdResponse clearAlertThreshold(ClearAlertThresholdRequest request) {
    return caller.call(PlanServiceGrpc.getClearAlertThresholdMethod(), request);
  }

  /**
   * {@link #clearAlertThreshold} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<ClearAlertThresholdResponse> clearAlertThresholdAsync(ClearAlertThresholdRequest request) {
    return caller.callAsync(PlanServiceGrpc.getClearAlertThresholdMethod(), request);
  }

  /**
   * Lists the alert settings of every product (or one) and every purpose,
   * ordered by product_id then purpose; a combination without a threshold
   * appears with state ALERT_STATE_NOT_SET ("no alert set").
   * Callers: account main key, or a sub-user with PERMISSION_PRODUCT_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * PRODUCT_NOT_FOUND.
   *
   * <p>RPC {@code resourceplans.v1.PlanService/ListAlertSettings}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public ListAlertSettingsResponse listAlertSettings(ListAlertSettingsRequest request) {
    return caller.call(PlanServiceGrpc.getListAlertSettingsMethod(), request);
  }

  /**
   * {@link #listAlertSettings} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<ListAlertSettingsResponse> listAlertSettingsAsync(ListAlertSettingsRequest request) {
    return caller.callAsync(PlanServiceGrpc.getListAlertSettingsMethod(), request);
  }

  /**
   * Every AlertSetting {@link #listAlertSettings} lists, fetching its pages one after another as the
   * iteration reaches them (see {@link Paged}). The request's page_size sets the page size.
   *
   * @param request the request of the first page (page_token empty)
   * @return the items, fetched as they are used
   */
  public Paged<AlertSetting> listAllAlertSettings(ListAlertSettingsRequest request) {
    return caller.pages(PlanServiceGrpc.getListAlertSettingsMethod(), request, ListAlertSettingsResponse::getAlertSettingsList);
  }

  /**
   * Sets (or replaces) the account's pay-as-you-go spend alert: when what
   * the account has spent pay-as-you-go in the current calendar month (UTC)
   * reaches the threshold, one `payg.spend_threshold_crossed` event goes to
   * its webhooks and event stream (docs/webhooks.md), once per month; the
   * alert re-arms when a month begins. Spend is what usage charged to the
   * wallet, plus the money quota holds took, less what they gave back; the
   * server's pass counts it every `--reminder-period-seconds`, up to a minute
   * behind. Setting it (again) re-arms it for the month with the new
   * threshold; if the month's spend is already above it, the event follows at
   * the next pass.
   * Callers: account main key, or a sub-user with PERMISSION_PRODUCT_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations); FAILED_PRECONDITION reason
   * CURRENCY_MISMATCH (not the wallet's currency).
   *
   * <p>RPC {@code resourceplans.v1.PlanService/SetPayAsYouGoSpendAlert}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public SetPayAsYouGoSpendAlertResponse setPayAsYouGoSpendAlert(SetPayAsYouGoSpendAlertRequest request) {
    return caller.call(PlanServiceGrpc.getSetPayAsYouGoSpendAlertMethod(), request);
  }

  /**
   * {@link #setPayAsYouGoSpendAlert} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<SetPayAsYouGoSpendAlertResponse> setPayAsYouGoSpendAlertAsync(SetPayAsYouGoSpendAlertRequest request) {
    return caller.callAsync(PlanServiceGrpc.getSetPayAsYouGoSpendAlertMethod(), request);
  }

  /**
   * Removes the account's pay-as-you-go spend alert (no event any more).
   * Callers: account main key, or a sub-user with PERMISSION_PRODUCT_ACCESS.
   * Errors: INVALID_ARGUMENT (field violations).
   *
   * <p>RPC {@code resourceplans.v1.PlanService/ClearPayAsYouGoSpendAlert}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public ClearPayAsYouGoSpendAlertResponse clearPayAsYouGoSpendAlert(ClearPayAsYouGoSpendAlertRequest request) {
    return caller.call(PlanServiceGrpc.getClearPayAsYouGoSpendAlertMethod(), request);
  }

  /**
   * {@link #clearPayAsYouGoSpendAlert} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<ClearPayAsYouGoSpendAlertResponse> clearPayAsYouGoSpendAlertAsync(ClearPayAsYouGoSpendAlertRequest request) {
    return caller.callAsync(PlanServiceGrpc.getClearPayAsYouGoSpendAlertMethod(), request);
  }

  /**
   * The account's pay-as-you-go spend alert, with the month's spend as last
   * counted; state PAY_AS_YOU_GO_SPEND_ALERT_STATE_NOT_SET when none is set.
   * Callers: account main key, or a sub-user with PERMISSION_PRODUCT_ACCESS.
   * Errors: none but authentication.
   *
   * <p>RPC {@code resourceplans.v1.PlanService/GetPayAsYouGoSpendAlert}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public GetPayAsYouGoSpendAlertResponse getPayAsYouGoSpendAlert(GetPayAsYouGoSpendAlertRequest request) {
    return caller.call(PlanServiceGrpc.getGetPayAsYouGoSpendAlertMethod(), request);
  }

  /**
   * {@link #getPayAsYouGoSpendAlert} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<GetPayAsYouGoSpendAlertResponse> getPayAsYouGoSpendAlertAsync(GetPayAsYouGoSpendAlertRequest request) {
    return caller.callAsync(PlanServiceGrpc.getGetPayAsYouGoSpendAlertMethod(), request);
  }

  /**
   * Lists the account's internal messages (alerts, expiry reminders, paid
   * orders...), newest first (create_time descending, then message_id),
   * optionally only the unread ones; the response also carries the
   * account's total unread count. Another account's messages are never
   * listed.
   * Callers: account main key or any sub-user of the account.
   * Errors: INVALID_ARGUMENT (field violations).
   *
   * <p>RPC {@code resourceplans.v1.PlanService/ListMessages}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public ListMessagesResponse listMessages(ListMessagesRequest request) {
    return caller.call(PlanServiceGrpc.getListMessagesMethod(), request);
  }

  /**
   * {@link #listMessages} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<ListMessagesResponse> listMessagesAsync(ListMessagesRequest request) {
    return caller.callAsync(PlanServiceGrpc.getListMessagesMethod(), request);
  }

  /**
   * Every InternalMessage {@link #listMessages} lists, fetching its pages one after another as the
   * iteration reaches them (see {@link Paged}). The request's page_size sets the page size.
   *
   * @param request the request of the first page (page_token empty)
   * @return the items, fetched as they are used
   */
  public Paged<InternalMessage> listAllMessages(ListMessagesRequest request) {
    return caller.pages(PlanServiceGrpc.getListMessagesMethod(), request, ListMessagesResponse::getMessagesList);
  }

  /**
   * Marks an internal message read. Marking a read message again returns it
   * unchanged (read_time is not moved).
   * Callers: account main key or any sub-user of the account.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * MESSAGE_NOT_FOUND.
   *
   * <p>RPC {@code resourceplans.v1.PlanService/MarkMessageRead}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public MarkMessageReadResponse markMessageRead(MarkMessageReadRequest request) {
    return caller.call(PlanServiceGrpc.getMarkMessageReadMethod(), request);
  }

  /**
   * {@link #markMessageRead} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<MarkMessageReadResponse> markMessageReadAsync(MarkMessageReadRequest request) {
    return caller.callAsync(PlanServiceGrpc.getMarkMessageReadMethod(), request);
  }
}
