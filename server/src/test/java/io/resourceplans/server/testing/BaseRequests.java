package io.resourceplans.server.testing;

import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.resourceplans.api.v1.ActivateMarketplacePlanRequest;
import io.resourceplans.api.v1.ActivatePayAsYouGoRequest;
import io.resourceplans.api.v1.BalanceKind;
import io.resourceplans.api.v1.BindBillingAccountRequest;
import io.resourceplans.api.v1.BindWorkspaceRequest;
import io.resourceplans.api.v1.CancelOrderRequest;
import io.resourceplans.api.v1.CheckQuotaRequest;
import io.resourceplans.api.v1.ClearAlertThresholdRequest;
import io.resourceplans.api.v1.CreateAccountRequest;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.CreateApiKeyRequest;
import io.resourceplans.api.v1.CreateBillingAccountRequest;
import io.resourceplans.api.v1.CreateOrderRequest;
import io.resourceplans.api.v1.CreatePlanSpecRequest;
import io.resourceplans.api.v1.CreateProductRequest;
import io.resourceplans.api.v1.CreateSubUserRequest;
import io.resourceplans.api.v1.CreateWorkspaceRequest;
import io.resourceplans.api.v1.CustomPricing;
import io.resourceplans.api.v1.ExistingVendorUser;
import io.resourceplans.api.v1.GetAccountRequest;
import io.resourceplans.api.v1.GetActivationStatusRequest;
import io.resourceplans.api.v1.GetBillingAccountRequest;
import io.resourceplans.api.v1.GetCurrentTermsRequest;
import io.resourceplans.api.v1.GetIdentityVerificationRequest;
import io.resourceplans.api.v1.GetMarketplaceInstanceRequest;
import io.resourceplans.api.v1.GetNotificationSettingsRequest;
import io.resourceplans.api.v1.GetOrderRequest;
import io.resourceplans.api.v1.GetPackageRequest;
import io.resourceplans.api.v1.GetPackageSummaryRequest;
import io.resourceplans.api.v1.GetPlanSpecRequest;
import io.resourceplans.api.v1.GetProductRequest;
import io.resourceplans.api.v1.GetSubUserRequest;
import io.resourceplans.api.v1.GetWalletRequest;
import io.resourceplans.api.v1.GrantGiftBalanceRequest;
import io.resourceplans.api.v1.IdentityReviewDecision;
import io.resourceplans.api.v1.IdentitySubjectType;
import io.resourceplans.api.v1.IdentityVerificationState;
import io.resourceplans.api.v1.IssueLoginTicketRequest;
import io.resourceplans.api.v1.IssueVoucherRequest;
import io.resourceplans.api.v1.Language;
import io.resourceplans.api.v1.LedgerEntryKind;
import io.resourceplans.api.v1.ListActivationsRequest;
import io.resourceplans.api.v1.ListAlertSettingsRequest;
import io.resourceplans.api.v1.ListApiKeysRequest;
import io.resourceplans.api.v1.ListIdentityVerificationsRequest;
import io.resourceplans.api.v1.ListLedgerEntriesRequest;
import io.resourceplans.api.v1.ListMarketplaceInstancesRequest;
import io.resourceplans.api.v1.ListMessagesRequest;
import io.resourceplans.api.v1.ListNotificationsRequest;
import io.resourceplans.api.v1.ListOrdersRequest;
import io.resourceplans.api.v1.ListPackagesRequest;
import io.resourceplans.api.v1.ListPlanSpecsRequest;
import io.resourceplans.api.v1.ListProductsRequest;
import io.resourceplans.api.v1.ListRegionsRequest;
import io.resourceplans.api.v1.ListSitesRequest;
import io.resourceplans.api.v1.ListSubUsersRequest;
import io.resourceplans.api.v1.ListVouchersRequest;
import io.resourceplans.api.v1.ListWorkspacesRequest;
import io.resourceplans.api.v1.LogInRequest;
import io.resourceplans.api.v1.LookupAccountRequest;
import io.resourceplans.api.v1.OpenWorkspaceRequest;
import io.resourceplans.api.v1.MarkMessageReadRequest;
import io.resourceplans.api.v1.MessageChannel;
import io.resourceplans.api.v1.NewWorkspace;
import io.resourceplans.api.v1.NotificationKind;
import io.resourceplans.api.v1.NotificationPreference;
import io.resourceplans.api.v1.NotificationStatus;
import io.resourceplans.api.v1.OrderState;
import io.resourceplans.api.v1.PayAsYouGoPrice;
import io.resourceplans.api.v1.PayOrderRequest;
import io.resourceplans.api.v1.Permission;
import io.resourceplans.api.v1.PlanSpec;
import io.resourceplans.api.v1.PlanSpecKind;
import io.resourceplans.api.v1.Product;
import io.resourceplans.api.v1.PublishTermsVersionRequest;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.PurposePrice;
import io.resourceplans.api.v1.QuotePriceRequest;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.RecordUsagesRequest;
import io.resourceplans.api.v1.RefundPackageRequest;
import io.resourceplans.api.v1.ResolveLoginTicketRequest;
import io.resourceplans.api.v1.RetirePlanSpecRequest;
import io.resourceplans.api.v1.RetryNotificationRequest;
import io.resourceplans.api.v1.ReviewIdentityVerificationRequest;
import io.resourceplans.api.v1.RevokeApiKeyRequest;
import io.resourceplans.api.v1.SendVerificationCodeRequest;
import io.resourceplans.api.v1.SetAlertThresholdRequest;
import io.resourceplans.api.v1.SetCreditLineRequest;
import io.resourceplans.api.v1.SubmitIdentityVerificationRequest;
import io.resourceplans.api.v1.TermsKind;
import io.resourceplans.api.v1.TopUpCashRequest;
import io.resourceplans.api.v1.UnsubscribePackageRequest;
import io.resourceplans.api.v1.UpdateDefaultRegionRequest;
import io.resourceplans.api.v1.UpdateNotificationSettingsRequest;
import io.resourceplans.api.v1.UpdatePlanSpecRequest;
import io.resourceplans.api.v1.UpdateProductRequest;
import io.resourceplans.api.v1.UpdateSubUserContactsRequest;
import io.resourceplans.api.v1.UpdateSubUserPermissionsRequest;
import io.resourceplans.api.v1.UpdateWorkspaceRequest;
import io.resourceplans.api.v1.VerificationCodePurpose;
import io.resourceplans.api.v1.VolumeTier;
import io.resourceplans.api.v1.VoucherState;
import io.resourceplans.api.v1.WorkspaceLanguage;
import io.resourceplans.server.mapping.Timestamps;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One valid request of every API RPC, against a world set up through the API with the usual
 * fixtures (a verified, funded account with a package, an unpaid order, a sub-user, a marketplace
 * instance registered with the vendor, a product and a plan spec of its own), so that a request
 * changed in one field reaches as deep into the service as that field lets it. A new RPC must add
 * its base here, or {@code NoInternalOnAnyInputTest} fails.
 */
public final class BaseRequests {
  /** A request and the API key it is sent with. */
  public record Call(Message request, String key) {}

  /**
   * How to make a valid request of one RPC. What it prepares (an order to pay, a code to redeem…)
   * is kept until a call succeeds, since a success may have used it up.
   */
  public static final class Base {
    private final Supplier<Call> prepare;
    private final Status.Code expected;
    private Call prepared;

    Base(Supplier<Call> prepare, Status.Code expected) {
      this.prepare = prepare;
      this.expected = expected;
    }

    public Call next() {
      if (prepared == null) {
        prepared = prepare.get();
      }
      return prepared;
    }

    public void succeeded() {
      prepared = null;
    }

    /** What the request answers unchanged: OK, except for RPCs that always refuse. */
    public Status.Code expected() {
      return expected;
    }
  }

  private static final String PRODUCT = "sms-domestic";
  private static final String CUSTOM_SPEC = "sms-domestic-custom";
  private static final String REGION = "cn-hangzhou";
  private static final String VENDOR_EMAIL = "fz.vendor@vendor.example";

  private final Marketplace market;
  private final TestServer server;
  private final AtomicInteger sequence = new AtomicInteger();
  private final Map<String, Base> bases = new HashMap<>();

  private final CreateAccountResponse account;
  private final String key;
  private final String accountId;
  private final String packageId;
  private final String orderId;
  private final String messageId;
  private final String notificationId;
  private final String subUserId;
  private final String instanceId;
  private final String workspaceId;

  private BaseRequests(Marketplace market) {
    this.market = market;
    this.server = market.server();
    account = AlertFixtures.buyer(server, "Fuzz Buyer", "+6581234567");
    key = account.getApiKeySecret();
    accountId = account.getAccount().getAccountId();
    Buyers.fund(server, account, "1000000.00", null);
    packageId = AlertFixtures.buy(server, key, 100_000, Purpose.PURPOSE_VERIFICATION_NOTIFICATION).getPackageId();
    // Paying queued ORDER_PAID by email (delivered) and SMS (not configured: SKIPPED), and stored
    // an internal message.
    server.dispatch();
    messageId = server.plan(key).listMessages(ListMessagesRequest.getDefaultInstance()).getMessages(0).getMessageId();
    notificationId =
        server.operator()
            .listNotifications(
                ListNotificationsRequest.newBuilder()
                    .setAccountId(accountId)
                    .setStatus(NotificationStatus.NOTIFICATION_STATUS_SKIPPED)
                    .build())
            .getNotifications(0)
            .getNotificationId();
    orderId = newOrder();
    subUserId =
        server.activation(key)
            .createSubUser(
                CreateSubUserRequest.newBuilder()
                    .setRequestId(TestServer.requestId())
                    .setDisplayName("fuzz sub-user")
                    .addPermissions(Permission.PERMISSION_PRODUCT_ACCESS)
                    .build())
            .getSubUser()
            .getSubUserId();
    instanceId = market.activate(account, Marketplace.PRODUCT, TestServer.requestId()).getInstanceId();
    market.sendCode(accountId, instanceId, VerificationCodePurpose.VERIFICATION_CODE_PURPOSE_REGISTER, VENDOR_EMAIL);
    workspaceId =
        server.binding()
            .register(
                market.registerRequest(accountId, instanceId, "fzvendor", VENDOR_EMAIL, market.mail.latestCode(VENDOR_EMAIL))
                    .build())
            .getWorkspace()
            .getWorkspaceId();
    server.operator().createProduct(CreateProductRequest.newBuilder().setRequestId(TestServer.requestId()).setProduct(product("fz-product")).build());
    server.operator().createPlanSpec(CreatePlanSpecRequest.newBuilder().setRequestId(TestServer.requestId()).setPlanSpec(spec("fz-spec")).build());
    plan();
    activation();
    binding();
    operator();
  }

  /** Sets up the world on the marketplace's server (a few seconds) and every RPC's base. */
  public static BaseRequests on(Marketplace market) {
    return new BaseRequests(market);
  }

  /** The base of an RPC by full method name, e.g. {@code resourceplans.v1.PlanService/GetOrder}; null if none. */
  public Base of(String fullMethodName) {
    return bases.get(fullMethodName);
  }

  private int n() {
    return sequence.incrementAndGet();
  }

  private void plan(String method, Supplier<Message> request) {
    bases.put("resourceplans.v1.PlanService/" + method, new Base(() -> new Call(request.get(), key), Status.Code.OK));
  }

  private void activation(String method, Supplier<Message> request) {
    bases.put("resourceplans.v1.ActivationService/" + method, new Base(() -> new Call(request.get(), key), Status.Code.OK));
  }

  private void binding(String method, Supplier<Message> request) {
    bases.put("resourceplans.v1.BindingService/" + method, new Base(() -> new Call(request.get(), TestServer.OPERATOR_KEY), Status.Code.OK));
  }

  private void operator(String method, Supplier<Message> request) {
    bases.put("resourceplans.v1.OperatorService/" + method, new Base(() -> new Call(request.get(), TestServer.OPERATOR_KEY), Status.Code.OK));
  }

  private String terms(TermsKind kind) {
    return server.plan(key).getCurrentTerms(GetCurrentTermsRequest.newBuilder().setKind(kind).build()).getTerms().getVersion();
  }

  private String newOrder() {
    return server.plan(key)
        .createOrder(
            CreateOrderRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setPlanSpecId(CUSTOM_SPEC)
                .setQuantity(1000)
                .setPurpose(Purpose.PURPOSE_VERIFICATION_NOTIFICATION)
                .setRegionId(REGION)
                .setAcceptedTermsVersion(terms(TermsKind.TERMS_KIND_RESOURCE_PLAN))
                .build())
        .getOrder()
        .getOrderId();
  }

  private static com.google.type.Money cny(String amount) {
    return Moneys.cny(amount);
  }

  private static Product product(String productId) {
    return Product.newBuilder()
        .setProductId(productId)
        .setDisplayName("Fuzz product")
        .setDescription("A product of the input test")
        .setQuantityUnit("message")
        .addPayAsYouGoPrices(
            PayAsYouGoPrice.newBuilder().setPurpose(Purpose.PURPOSE_MARKETING).setUnitPrice(cny("0.05")))
        .setVendorName("Fuzz Vendor Ltd")
        .build();
  }

  private static PlanSpec spec(String planSpecId) {
    return PlanSpec.newBuilder()
        .setPlanSpecId(planSpecId)
        .setProductId(PRODUCT)
        .setDisplayName("Fuzz custom SMS")
        .setKind(PlanSpecKind.PLAN_SPEC_KIND_CUSTOM)
        .addAllowedPurposes(Purpose.PURPOSE_VERIFICATION_NOTIFICATION)
        .setValidityMonths(12)
        .setCustomPricing(
            CustomPricing.newBuilder()
                .setQuantityStep(100)
                .setMinimumQuantity(100)
                .addTiers(VolumeTier.newBuilder().setMinQuantity(100).setMaxQuantity(10_000).setUnitPrice(cny("0.045")))
                .addTiers(VolumeTier.newBuilder().setMinQuantity(10_000).setUnitPrice(cny("0.04"))))
        // a purpose price, so that every field of it is fuzzed too
        .addPurposePrices(
            PurposePrice.newBuilder()
                .setPurpose(Purpose.PURPOSE_VERIFICATION_NOTIFICATION)
                .addTiers(VolumeTier.newBuilder().setMinQuantity(100).setMaxQuantity(10_000).setUnitPrice(cny("0.046")))
                .addTiers(VolumeTier.newBuilder().setMinQuantity(10_000).setUnitPrice(cny("0.042"))))
        .build();
  }

  private Timestamp inDays(int days) {
    return Timestamps.of(server.clock.instant().plus(Duration.ofDays(days)));
  }

  private void plan() {
    plan("ListProducts", () -> ListProductsRequest.newBuilder().setPageSize(10).build());
    plan("GetProduct", () -> GetProductRequest.newBuilder().setProductId(PRODUCT).build());
    plan("ListPlanSpecs", () -> ListPlanSpecsRequest.newBuilder().setProductId(PRODUCT).setIncludeRetired(true).build());
    plan("GetPlanSpec", () -> GetPlanSpecRequest.newBuilder().setPlanSpecId(CUSTOM_SPEC).build());
    plan("GetCurrentTerms", () -> GetCurrentTermsRequest.newBuilder().setKind(TermsKind.TERMS_KIND_RESOURCE_PLAN).build());
    plan("QuotePrice", () -> QuotePriceRequest.newBuilder()
        .setPlanSpecId(CUSTOM_SPEC).setQuantity(1000).setPurpose(Purpose.PURPOSE_VERIFICATION_NOTIFICATION).build());
    plan("CreateOrder", () -> CreateOrderRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setPlanSpecId(CUSTOM_SPEC)
        .setQuantity(1000)
        .setPurpose(Purpose.PURPOSE_VERIFICATION_NOTIFICATION)
        .setRegionId(REGION)
        .setAcceptedTermsVersion(terms(TermsKind.TERMS_KIND_RESOURCE_PLAN))
        .build());
    plan("GetOrder", () -> GetOrderRequest.newBuilder().setOrderId(orderId).build());
    plan("ListOrders", () -> ListOrdersRequest.newBuilder().setState(OrderState.ORDER_STATE_PENDING_PAYMENT).build());
    plan("CancelOrder", () -> CancelOrderRequest.newBuilder().setRequestId(TestServer.requestId()).setOrderId(newOrder()).build());
    plan("PayOrder", () -> PayOrderRequest.newBuilder().setRequestId(TestServer.requestId()).setOrderId(newOrder()).build());
    plan("GetWallet", GetWalletRequest::getDefaultInstance);
    plan("ListLedgerEntries", () -> ListLedgerEntriesRequest.newBuilder()
        .setBalanceKind(BalanceKind.BALANCE_KIND_CASH).setKind(LedgerEntryKind.LEDGER_ENTRY_KIND_TOP_UP).build());
    plan("ListVouchers", () -> ListVouchersRequest.newBuilder()
        .setState(VoucherState.VOUCHER_STATE_AVAILABLE).setUsableForOrderId(orderId).build());
    plan("ListPackages", () -> ListPackagesRequest.newBuilder()
        .setProductId(PRODUCT).setPurpose(Purpose.PURPOSE_VERIFICATION_NOTIFICATION).setRegionId(REGION).build());
    plan("GetPackage", () -> GetPackageRequest.newBuilder().setPackageId(packageId).build());
    plan("GetPackageSummary", () -> GetPackageSummaryRequest.newBuilder().setProductId(PRODUCT).setRegionId(REGION).build());
    // Resource plans are non-refundable: these two always refuse, after finding the package.
    bases.put("resourceplans.v1.PlanService/RefundPackage", new Base(
        () -> new Call(RefundPackageRequest.newBuilder().setRequestId(TestServer.requestId()).setPackageId(packageId).build(), key),
        Status.Code.FAILED_PRECONDITION));
    bases.put("resourceplans.v1.PlanService/UnsubscribePackage", new Base(
        () -> new Call(UnsubscribePackageRequest.newBuilder().setRequestId(TestServer.requestId()).setPackageId(packageId).build(), key),
        Status.Code.FAILED_PRECONDITION));
    plan("RecordUsage", () -> RecordUsageRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setProductId(PRODUCT)
        .setPurpose(Purpose.PURPOSE_VERIFICATION_NOTIFICATION)
        .setQuantity(1)
        .setRegionId(REGION)
        .build());
    plan("RecordUsages", () -> RecordUsagesRequest.newBuilder()
        .addRecords(RecordUsageRequest.newBuilder()
            .setRequestId(TestServer.requestId())
            .setProductId(PRODUCT)
            .setPurpose(Purpose.PURPOSE_VERIFICATION_NOTIFICATION)
            .setQuantity(1)
            .setRegionId(REGION))
        .addRecords(RecordUsageRequest.newBuilder()
            .setRequestId(TestServer.requestId())
            .setProductId(PRODUCT)
            .setPurpose(Purpose.PURPOSE_MARKETING)
            .setQuantity(2)
            .setRegionId(REGION))
        .build());
    plan("ListUsageRecords", () -> io.resourceplans.api.v1.ListUsageRecordsRequest.newBuilder()
        .setStartTime(Timestamp.newBuilder().setSeconds(1767225600)).setEndTime(Timestamp.newBuilder().setSeconds(1798761600))
        .setProductId(PRODUCT).setPurpose(Purpose.PURPOSE_VERIFICATION_NOTIFICATION).setPackageId(packageId)
        .setRequestIdPrefix("r").setTag("campaign-1").build());
    // A server stream; this account's few records fit one chunk, so every variant answers one message.
    plan("ExportUsageRecords", () -> io.resourceplans.api.v1.ExportUsageRecordsRequest.newBuilder()
        .setStartTime(Timestamp.newBuilder().setSeconds(1767225600)).setEndTime(Timestamp.newBuilder().setSeconds(1798761600))
        .setProductId(PRODUCT).setPurpose(Purpose.PURPOSE_VERIFICATION_NOTIFICATION).setPackageId(packageId)
        .setRequestIdPrefix("r").setTag("campaign-1").build());
    plan("CheckQuota", () -> CheckQuotaRequest.newBuilder()
        .setProductId(PRODUCT).setPurpose(Purpose.PURPOSE_VERIFICATION_NOTIFICATION).setQuantity(1).setRegionId(REGION).build());
    plan("SetPayAsYouGoSpendAlert", () -> io.resourceplans.api.v1.SetPayAsYouGoSpendAlertRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setThreshold(com.google.type.Money.newBuilder().setCurrencyCode("CNY").setUnits(50).build())
        .build());
    plan("ClearPayAsYouGoSpendAlert", () -> io.resourceplans.api.v1.ClearPayAsYouGoSpendAlertRequest.newBuilder()
        .setRequestId(TestServer.requestId()).build());
    plan("GetPayAsYouGoSpendAlert", io.resourceplans.api.v1.GetPayAsYouGoSpendAlertRequest::getDefaultInstance);
    String holdId = newHold();
    plan("ReserveUsage", () -> io.resourceplans.api.v1.ReserveUsageRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setProductId(PRODUCT)
        .setPurpose(Purpose.PURPOSE_VERIFICATION_NOTIFICATION)
        .setQuantity(1)
        .setRegionId(REGION)
        .setTtlSeconds(600)
        .setTag("fuzz:campaign-1")
        .build());
    plan("CaptureUsage", () -> io.resourceplans.api.v1.CaptureUsageRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setHoldId(newHold()).setQuantity(1).build());
    plan("ReleaseUsage", () -> io.resourceplans.api.v1.ReleaseUsageRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setHoldId(newHold()).build());
    plan("GetHold", () -> io.resourceplans.api.v1.GetHoldRequest.newBuilder().setHoldId(holdId).build());
    plan("ListHolds", () -> io.resourceplans.api.v1.ListHoldsRequest.newBuilder()
        .setPageSize(5).setStatus(io.resourceplans.api.v1.HoldStatus.HOLD_STATUS_ACTIVE).build());
    plan("SetAlertThreshold", () -> SetAlertThresholdRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setProductId(PRODUCT)
        .setPurpose(Purpose.PURPOSE_VERIFICATION_NOTIFICATION)
        .setThreshold(10)
        .addChannels(MessageChannel.MESSAGE_CHANNEL_INTERNAL_MESSAGE)
        .build());
    plan("ClearAlertThreshold", () -> ClearAlertThresholdRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setProductId(PRODUCT).setPurpose(Purpose.PURPOSE_MARKETING).build());
    plan("ListAlertSettings", () -> ListAlertSettingsRequest.newBuilder().setProductId(PRODUCT).build());
    plan("ListMessages", () -> ListMessagesRequest.newBuilder().setUnreadOnly(true).build());
    plan("MarkMessageRead", () -> MarkMessageReadRequest.newBuilder().setRequestId(TestServer.requestId()).setMessageId(messageId).build());
  }

  private void activation() {
    activation("GetAccount", () -> GetAccountRequest.newBuilder().setAccountId(accountId).build());
    activation("CreateSubUser", () -> CreateSubUserRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setDisplayName("fuzz " + n())
        .addPermissions(Permission.PERMISSION_ORDER_ACCESS)
        .build());
    activation("GetSubUser", () -> GetSubUserRequest.newBuilder().setSubUserId(subUserId).build());
    activation("ListSubUsers", () -> ListSubUsersRequest.newBuilder().setPageSize(5).build());
    activation("UpdateSubUserPermissions", () -> UpdateSubUserPermissionsRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setSubUserId(subUserId)
        .addPermissions(Permission.PERMISSION_PRODUCT_ACCESS)
        .build());
    activation("UpdateSubUserContacts", () -> UpdateSubUserContactsRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setSubUserId(subUserId)
        .setContactEmail("fz.sub@example.com")
        .setContactPhone("+6581230000")
        .build());
    activation("CreateApiKey", () -> CreateApiKeyRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setSubUserId(subUserId).setDisplayName("fuzz key").build());
    activation("ListApiKeys", () -> ListApiKeysRequest.newBuilder().setSubUserId(subUserId).build());
    activation("RevokeApiKey", () -> RevokeApiKeyRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setApiKeyId(
            server.activation(key)
                .createApiKey(CreateApiKeyRequest.newBuilder().setRequestId(TestServer.requestId()).setSubUserId(subUserId).build())
                .getApiKey()
                .getApiKeyId())
        .build());
    // Submitting needs an account that is not verified yet: a new one, calling with its own key.
    bases.put("resourceplans.v1.ActivationService/SubmitIdentityVerification", new Base(
        () -> new Call(
            SubmitIdentityVerificationRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setSubjectType(IdentitySubjectType.IDENTITY_SUBJECT_TYPE_PERSONAL)
                .setLegalName("Li Lei")
                .setDocumentNumber("11010519491231123X")
                .build(),
            server.newAccount("Fuzz Submitter " + n()).getApiKeySecret()),
        Status.Code.OK));
    activation("GetIdentityVerification", GetIdentityVerificationRequest::getDefaultInstance);
    activation("ListRegions", () -> ListRegionsRequest.newBuilder().setPageSize(10).build());
    activation("UpdateDefaultRegion", () -> UpdateDefaultRegionRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setRegionId(REGION).build());
    activation("ActivatePayAsYouGo", () -> ActivatePayAsYouGoRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setProductId(PRODUCT)
        .setRegionId("ap-southeast-1")
        .setAcceptedAgreementVersion(terms(TermsKind.TERMS_KIND_PAY_AS_YOU_GO))
        .build());
    activation("GetActivationStatus", () -> GetActivationStatusRequest.newBuilder().setProductId(PRODUCT).setRegionId(REGION).build());
    activation("ListActivations", () -> ListActivationsRequest.newBuilder().setPageSize(10).build());
    // One instance per account and product: each activation gets a marketplace product of its own.
    activation("ActivateMarketplacePlan", () -> {
      String productId = "fz-market-" + n();
      market.listVendorProduct(productId);
      return ActivateMarketplacePlanRequest.newBuilder()
          .setRequestId(TestServer.requestId())
          .setProductId(productId)
          .setAcceptedAgreementVersion(terms(TermsKind.TERMS_KIND_MARKETPLACE))
          .build();
    });
    activation("ListMarketplaceInstances", () -> ListMarketplaceInstancesRequest.newBuilder().setPageSize(10).build());
    activation("GetMarketplaceInstance", () -> GetMarketplaceInstanceRequest.newBuilder().setInstanceId(instanceId).build());
    activation("IssueLoginTicket", () -> IssueLoginTicketRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setInstanceId(instanceId).build());
    activation("GetNotificationSettings", GetNotificationSettingsRequest::getDefaultInstance);
    activation("UpdateNotificationSettings", () -> UpdateNotificationSettingsRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setContactEmail("fuzz.buyer@example.com")
        .setContactPhone("+6581234567")
        .setLanguage(Language.LANGUAGE_EN)
        .addPreferences(
            NotificationPreference.newBuilder().setKind(NotificationKind.NOTIFICATION_KIND_QUOTA_ALERT).setEmail(true))
        .build());
    webhooks();
    events();
  }

  /** Webhook RPCs: an endpoint to read, rotate and list the deliveries of, and one delivery to replay. */
  private void webhooks() {
    String endpointId = newWebhookEndpoint();
    String deliveryId = "whd-" + "0123456789abcdef";
    server.jdbi().useHandle(h -> h.createUpdate("""
            insert into webhook_deliveries (account_id, delivery_id, endpoint_id, event_id, event_kind, payload,
                                            dedupe_key, status, create_time, give_up_time, finish_time)
            values (:a, :d, :e, 'evt-0123456789abcdef', 'ORDER_PAID', '{}', 'fuzz', 'DELIVERED', now(),
                    now() + interval '3 days', now())
            """).bind("a", accountId).bind("d", deliveryId).bind("e", endpointId).execute());
    activation("CreateWebhookEndpoint", () -> io.resourceplans.api.v1.CreateWebhookEndpointRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setUrl("https://hooks.example.com/fz/" + n())
        .addEventKinds(io.resourceplans.api.v1.WebhookEventKind.WEBHOOK_EVENT_KIND_ORDER_PAID)
        .setDescription("fuzz")
        .build());
    activation("GetWebhookEndpoint", () -> io.resourceplans.api.v1.GetWebhookEndpointRequest.newBuilder()
        .setWebhookEndpointId(endpointId).build());
    activation("ListWebhookEndpoints", () -> io.resourceplans.api.v1.ListWebhookEndpointsRequest.newBuilder()
        .setPageSize(5).build());
    activation("DeleteWebhookEndpoint", () -> io.resourceplans.api.v1.DeleteWebhookEndpointRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setWebhookEndpointId(newWebhookEndpoint()).build());
    activation("RotateWebhookSecret", () -> io.resourceplans.api.v1.RotateWebhookSecretRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setWebhookEndpointId(endpointId).setOverlapSeconds(60).build());
    activation("ListWebhookDeliveries", () -> io.resourceplans.api.v1.ListWebhookDeliveriesRequest.newBuilder()
        .setPageSize(5).setWebhookEndpointId(endpointId)
        .setStatus(io.resourceplans.api.v1.WebhookDeliveryStatus.WEBHOOK_DELIVERY_STATUS_DELIVERED).build());
    activation("RetryWebhookDelivery", () -> io.resourceplans.api.v1.RetryWebhookDeliveryRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setWebhookDeliveryId(deliveryId).build());
  }

  /**
   * WatchAccountEvents, resuming after the first of two events of the account: an accepted stream
   * answers with the second at once (NoInternalOnAnyInputTest then cancels it).
   */
  private void events() {
    var c = server.component();
    for (String dedupe : new String[] {"fuzz-event-1", "fuzz-event-2"}) {
      c.transactor().inTransaction(tx -> c.webhookEvents().emit(
          tx, accountId, io.resourceplans.domain.webhook.WebhookEventKind.QUOTA_ALERT_CROSSED, dedupe,
          server.clock.instant(), java.util.Map.of("n", dedupe)));
    }
    String first = server.jdbi().withHandle(h -> h.createQuery(
            "select event_id from account_events where account_id = :a and dedupe_key = 'fuzz-event-1'")
        .bind("a", accountId).mapTo(String.class).one());
    activation("WatchAccountEvents", () -> io.resourceplans.api.v1.WatchAccountEventsRequest.newBuilder()
        .setAccountId(accountId)
        .setAfterEventId(first)
        .addKinds(io.resourceplans.api.v1.WebhookEventKind.WEBHOOK_EVENT_KIND_QUOTA_ALERT_CROSSED)
        .build());
  }

  /** A hold of one unit, for a capture or a release. */
  private String newHold() {
    return server.plan(key)
        .reserveUsage(io.resourceplans.api.v1.ReserveUsageRequest.newBuilder()
            .setRequestId(TestServer.requestId())
            .setProductId(PRODUCT)
            .setPurpose(Purpose.PURPOSE_VERIFICATION_NOTIFICATION)
            .setQuantity(1)
            .setRegionId(REGION)
            .setTtlSeconds(600)
            .build())
        .getHold()
        .getHoldId();
  }

  private String newWebhookEndpoint() {
    return server.activation(key)
        .createWebhookEndpoint(io.resourceplans.api.v1.CreateWebhookEndpointRequest.newBuilder()
            .setRequestId(TestServer.requestId())
            .setUrl("https://hooks.example.com/fz")
            .addEventKinds(io.resourceplans.api.v1.WebhookEventKind.WEBHOOK_EVENT_KIND_ORDER_PAID)
            .build())
        .getWebhookEndpoint()
        .getWebhookEndpointId();
  }

  private void binding() {
    binding("ListSites", () -> ListSitesRequest.newBuilder().setPageSize(10).build());
    binding("ResolveLoginTicket", () -> ResolveLoginTicketRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setTicket(market.ticket(account, instanceId))
        .setProductId(Marketplace.PRODUCT)
        .build());
    binding("SendVerificationCode", () -> SendVerificationCodeRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setCloudAccountId(accountId)
        .setInstanceId(instanceId)
        .setPurpose(VerificationCodePurpose.VERIFICATION_CODE_PURPOSE_CREATE_WORKSPACE)
        .setEmail("fz.code" + n() + "@vendor.example")
        .build());
    binding("Register", () -> {
      String[] fresh = market.flow("Fuzz Register " + n());
      String email = "fz.register" + n() + "@vendor.example";
      market.sendCode(fresh[0], fresh[1], VerificationCodePurpose.VERIFICATION_CODE_PURPOSE_REGISTER, email);
      return market.registerRequest(fresh[0], fresh[1], "fzreg" + n(), email, market.mail.latestCode(email))
          .setAcceptedTermsVersion(terms(TermsKind.TERMS_KIND_WORKSPACE))
          .build();
    });
    binding("BindBillingAccount", () -> {
      String username = "fzbind" + n();
      String email = username + "@vendor.example";
      server.binding().createBillingAccount(createBillingAccount(username, email));
      String[] fresh = market.flow("Fuzz Bind " + n());
      market.sendCodeToBillingAccount(fresh[0], fresh[1], username);
      return BindBillingAccountRequest.newBuilder()
          .setRequestId(TestServer.requestId())
          .setCloudAccountId(fresh[0])
          .setInstanceId(fresh[1])
          .setBillingUsername(username)
          .setVerificationCode(market.mail.latestCode(email))
          .build();
    });
    // The account is linked to the vendor's billing account; a new workspace goes to a new instance.
    binding("CreateWorkspace", () -> {
      String productId = "fz-workspace-" + n();
      market.listVendorProduct(productId);
      String instance = market.activate(account, productId, TestServer.requestId()).getInstanceId();
      market.sendCode(accountId, instance, VerificationCodePurpose.VERIFICATION_CODE_PURPOSE_CREATE_WORKSPACE, VENDOR_EMAIL);
      return CreateWorkspaceRequest.newBuilder()
          .setRequestId(TestServer.requestId())
          .setCloudAccountId(accountId)
          .setInstanceId(instance)
          .setName("fuzz-" + n())
          .setLanguage(WorkspaceLanguage.WORKSPACE_LANGUAGE_ENGLISH)
          .setSiteId("ap-singapore")
          .setExistingUser(ExistingVendorUser.newBuilder().setEmail(VENDOR_EMAIL).setVerificationCode(market.mail.latestCode(VENDOR_EMAIL)))
          .setAcceptedTermsVersion(terms(TermsKind.TERMS_KIND_WORKSPACE))
          .build();
    });
    // Binding the pair that is already bound answers it unchanged.
    binding("BindWorkspace", () -> BindWorkspaceRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setCloudAccountId(accountId)
        .setInstanceId(instanceId)
        .setWorkspaceId(workspaceId)
        .build());
    binding("UpdateWorkspace", () -> UpdateWorkspaceRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setCloudAccountId(accountId)
        .setInstanceId(instanceId)
        .setWorkspaceId(workspaceId)
        .setName("fzvendor-main")
        .setLanguage(WorkspaceLanguage.WORKSPACE_LANGUAGE_CHINESE)
        .setSiteId("ap-singapore")
        .build());
    binding("ListWorkspaces", () -> ListWorkspacesRequest.newBuilder()
        .setCloudAccountId(accountId).setInstanceId(instanceId).setPageSize(10).build());
    binding("GetBillingAccount", () -> GetBillingAccountRequest.newBuilder().setCloudAccountId(accountId).setInstanceId(instanceId).build());
    binding("CreateBillingAccount", () -> {
      String username = "fzsign" + n();
      return createBillingAccount(username, username + "@vendor.example");
    });
    // The vendor user's right password, tied to its cloud account, opening its workspace.
    binding("LogIn", () -> LogInRequest.newBuilder()
        .setLogin("fzvendor")
        .setPassword(Marketplace.PASSWORD)
        .setCloudAccountId(accountId)
        .setInstanceId(instanceId)
        .setWorkspaceId(workspaceId)
        .build());
    binding("OpenWorkspace", () -> OpenWorkspaceRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setCloudAccountId(accountId)
        .setInstanceId(instanceId)
        .setWorkspaceId(workspaceId)
        .build());
  }

  private static CreateBillingAccountRequest createBillingAccount(String username, String email) {
    return CreateBillingAccountRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setUsername(username)
        .setPassword(Marketplace.PASSWORD)
        .setPasswordConfirmation(Marketplace.PASSWORD)
        .setEmail(email)
        .setPhone("+8613800000000")
        .setCompany(Marketplace.company(username + " Ltd"))
        .setWorkspace(
            NewWorkspace.newBuilder().setName("legacy").setLanguage(WorkspaceLanguage.WORKSPACE_LANGUAGE_ENGLISH).setSiteId("ap-singapore"))
        .build();
  }

  private void operator() {
    operator("CreateAccount", () -> CreateAccountRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setDisplayName("Fuzz Account " + n())
        .setContactEmail("fz.account@example.com")
        .setContactPhone("+6581239999")
        .setDefaultRegionId("ap-southeast-1")
        .build());
    operator("LookupAccount", () -> LookupAccountRequest.newBuilder().setAccountId(accountId).build());
    operator("CreateProduct", () -> CreateProductRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setProduct(product("fz-product-" + n())).build());
    operator("UpdateProduct", () -> UpdateProductRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setProduct(product("fz-product"))
        .setUpdateMask(FieldMask.newBuilder().addPaths("display_name").addPaths("description").addPaths("pay_as_you_go_prices"))
        .build());
    operator("CreatePlanSpec", () -> CreatePlanSpecRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setPlanSpec(spec("fz-spec-" + n())).build());
    operator("UpdatePlanSpec", () -> UpdatePlanSpecRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setPlanSpec(spec("fz-spec"))
        .setUpdateMask(FieldMask.newBuilder().addPaths("display_name").addPaths("validity_months").addPaths("custom_pricing")
            .addPaths("purpose_prices"))
        .build());
    operator("RetirePlanSpec", () -> {
      String specId = "fz-retire-" + n();
      server.operator().createPlanSpec(CreatePlanSpecRequest.newBuilder().setRequestId(TestServer.requestId()).setPlanSpec(spec(specId)).build());
      return RetirePlanSpecRequest.newBuilder().setRequestId(TestServer.requestId()).setPlanSpecId(specId).build();
    });
    operator("PublishTermsVersion", () -> PublishTermsVersionRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setKind(TermsKind.TERMS_KIND_PAY_AS_YOU_GO)
        .setVersion("fz-" + n())
        .setTitle("Fuzz pay-as-you-go terms")
        .setUrl("https://example.com/terms/fuzz")
        .build());
    operator("TopUpCash", () -> TopUpCashRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setAccountId(accountId).setAmount(cny("10.00")).build());
    operator("GrantGiftBalance", () -> GrantGiftBalanceRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setAccountId(accountId).setAmount(cny("5.00")).build());
    operator("SetCreditLine", () -> SetCreditLineRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setAccountId(accountId).setCreditLine(cny("100.00")).build());
    operator("IssueVoucher", () -> IssueVoucherRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setAccountId(accountId)
        .setAmount(cny("5.00"))
        .setProductId(PRODUCT)
        .setMinimumOrderAmount(cny("1.00"))
        .setExpireTime(inDays(30))
        .build());
    operator("ListIdentityVerifications", () -> ListIdentityVerificationsRequest.newBuilder()
        .setState(IdentityVerificationState.IDENTITY_VERIFICATION_STATE_VERIFIED).setAccountId(accountId).build());
    operator("ReviewIdentityVerification", () -> {
      String submitter = server.newAccount("Fuzz Reviewed " + n()).getApiKeySecret();
      String id = AccessFixtures.submit(server, submitter, "11010519491231123X").getIdentityVerificationId();
      return ReviewIdentityVerificationRequest.newBuilder()
          .setRequestId(TestServer.requestId())
          .setIdentityVerificationId(id)
          .setDecision(IdentityReviewDecision.IDENTITY_REVIEW_DECISION_APPROVE)
          .build();
    });
    operator("ListNotifications", () -> ListNotificationsRequest.newBuilder()
        .setAccountId(accountId).setStatus(NotificationStatus.NOTIFICATION_STATUS_DELIVERED).build());
    // Retrying queues it again; a dispatch pass skips it again (SMS is not configured).
    operator("RetryNotification", () -> {
      server.dispatch();
      return RetryNotificationRequest.newBuilder()
          .setRequestId(TestServer.requestId()).setAccountId(accountId).setNotificationId(notificationId).build();
    });
    operator("ListNotificationAttempts", () -> io.resourceplans.api.v1.ListNotificationAttemptsRequest.newBuilder()
        .setAccountId(accountId).setNotificationId(notificationId).build());
    operator("CreateTestClock", () -> io.resourceplans.api.v1.CreateTestClockRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setName("fuzz clock " + n()).setFrozenTime(inDays(0)).build());
    operator("GetTestClock", () -> io.resourceplans.api.v1.GetTestClockRequest.newBuilder()
        .setTestClockId(newTestClock().getTestClockId()).build());
    operator("ListTestClocks", () -> io.resourceplans.api.v1.ListTestClocksRequest.newBuilder().setPageSize(5).build());
    operator("AdvanceTestClock", () -> {
      var clock = newTestClock();
      return io.resourceplans.api.v1.AdvanceTestClockRequest.newBuilder()
          .setRequestId(TestServer.requestId())
          .setTestClockId(clock.getTestClockId())
          .setFrozenTime(inDays(40))
          .build();
    });
  }

  /** A fresh test clock at the server's time, with one test account. */
  private io.resourceplans.api.v1.TestClock newTestClock() {
    var clock = server.operator().createTestClock(io.resourceplans.api.v1.CreateTestClockRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setFrozenTime(inDays(0)).build()).getTestClock();
    server.operator().createAccount(CreateAccountRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setDisplayName("Fuzz Clocked " + n())
        .setContactEmail("fz.clocked@example.com")
        .setTestClockId(clock.getTestClockId())
        .build());
    return clock;
  }
}
