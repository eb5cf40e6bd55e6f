package io.resourceplans.server.faults;

import io.grpc.ManagedChannel;
import io.resourceplans.api.v1.CreateAccountRequest;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.CreateOrderRequest;
import io.resourceplans.api.v1.CreateProductRequest;
import io.resourceplans.api.v1.GetCurrentTermsRequest;
import io.resourceplans.api.v1.IdentityReviewDecision;
import io.resourceplans.api.v1.IdentitySubjectType;
import io.resourceplans.api.v1.PayOrderRequest;
import io.resourceplans.api.v1.Product;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.ReviewIdentityVerificationRequest;
import io.resourceplans.api.v1.SubmitIdentityVerificationRequest;
import io.resourceplans.api.v1.TermsKind;
import io.resourceplans.api.v1.TopUpCashRequest;
import io.resourceplans.server.testing.Moneys;
import java.util.UUID;

/**
 * An account set up through the API before any fault, as a console would: verified, funded, with
 * one large SMS package to send from.
 */
record Tenant(String accountId, String key, String packageId, long packageQuantity, String cashTopUp) {
  static final String PRODUCT = "sms-domestic";
  static final String REGION = "ap-southeast-1";
  static final Purpose PURPOSE = Purpose.PURPOSE_MARKETING;
  static final String MARKETPLACE_PRODUCT = "acme-observability";

  static Tenant create(ManagedChannel channel, String name, long packageQuantity, String cashTopUp) {
    CreateAccountResponse account = account(channel, name);
    String key = account.getApiKeySecret();
    String accountId = account.getAccount().getAccountId();
    Stubs.operator(channel)
        .topUpCash(
            TopUpCashRequest.newBuilder()
                .setRequestId(id())
                .setAccountId(accountId)
                .setAmount(Moneys.cny(cashTopUp))
                .build());
    var order =
        Stubs.plan(channel, key)
            .createOrder(
                CreateOrderRequest.newBuilder()
                    .setRequestId(id())
                    .setPlanSpecId("sms-domestic-custom")
                    .setQuantity(packageQuantity)
                    .setPurpose(PURPOSE)
                    .setRegionId(REGION)
                    .setAcceptedTermsVersion(terms(channel, key, TermsKind.TERMS_KIND_RESOURCE_PLAN))
                    .build())
            .getOrder();
    String packageId =
        Stubs.plan(channel, key)
            .payOrder(PayOrderRequest.newBuilder().setRequestId(id()).setOrderId(order.getOrderId()).build())
            .getPackages(0)
            .getPackageId();
    return new Tenant(accountId, key, packageId, packageQuantity, cashTopUp);
  }

  /** A new account with a verified identity; the answer holds its main key's secret. */
  static CreateAccountResponse account(ManagedChannel channel, String name) {
    CreateAccountResponse account =
        Stubs.operator(channel)
            .createAccount(
                CreateAccountRequest.newBuilder()
                    .setRequestId(id())
                    .setDisplayName(name)
                    .setContactEmail(name.toLowerCase().replace(' ', '.') + "@example.com")
                    .build());
    var submitted =
        Stubs.activation(channel, account.getApiKeySecret())
            .submitIdentityVerification(
                SubmitIdentityVerificationRequest.newBuilder()
                    .setRequestId(id())
                    .setSubjectType(IdentitySubjectType.IDENTITY_SUBJECT_TYPE_ENTERPRISE)
                    .setLegalName(name + " Ltd")
                    .setDocumentNumber("91330100MA2B3C4D5E")
                    .build())
            .getIdentityVerification();
    Stubs.operator(channel)
        .reviewIdentityVerification(
            ReviewIdentityVerificationRequest.newBuilder()
                .setRequestId(id())
                .setIdentityVerificationId(submitted.getIdentityVerificationId())
                .setDecision(IdentityReviewDecision.IDENTITY_REVIEW_DECISION_APPROVE)
                .build());
    return account;
  }

  /** The operator lists a vendor's plan on the marketplace. */
  static void listMarketplaceProduct(ManagedChannel channel) {
    Stubs.operator(channel)
        .createProduct(
            CreateProductRequest.newBuilder()
                .setRequestId(id())
                .setProduct(
                    Product.newBuilder()
                        .setProductId(MARKETPLACE_PRODUCT)
                        .setDisplayName("Acme Observability Commercial Plan")
                        .setQuantityUnit("month")
                        .setVendorName("Acme Cloud Ltd"))
                .build());
  }

  static String terms(ManagedChannel channel, String key, TermsKind kind) {
    return Stubs.plan(channel, key)
        .getCurrentTerms(GetCurrentTermsRequest.newBuilder().setKind(kind).build())
        .getTerms()
        .getVersion();
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }
}
