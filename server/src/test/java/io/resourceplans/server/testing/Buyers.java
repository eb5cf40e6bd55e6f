package io.resourceplans.server.testing;

import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.GetCurrentTermsRequest;
import io.resourceplans.api.v1.GrantGiftBalanceRequest;
import io.resourceplans.api.v1.IdentityReviewDecision;
import io.resourceplans.api.v1.IdentitySubjectType;
import io.resourceplans.api.v1.ReviewIdentityVerificationRequest;
import io.resourceplans.api.v1.SubmitIdentityVerificationRequest;
import io.resourceplans.api.v1.TermsKind;
import io.resourceplans.api.v1.TopUpCashRequest;

/** Set-up steps of purchase tests, done through the API as a real client would. */
public final class Buyers {
  private Buyers() {}

  /** Submits identity verification for the account and has the operator approve it. */
  public static void verify(TestServer server, CreateAccountResponse account) {
    var submitted =
        server.activation(account.getApiKeySecret())
            .submitIdentityVerification(
                SubmitIdentityVerificationRequest.newBuilder()
                    .setRequestId(TestServer.requestId())
                    .setSubjectType(IdentitySubjectType.IDENTITY_SUBJECT_TYPE_ENTERPRISE)
                    .setLegalName(account.getAccount().getDisplayName() + " Ltd")
                    .setDocumentNumber("91330100MA2B3C4D5E")
                    .build())
            .getIdentityVerification();
    server.operator()
        .reviewIdentityVerification(
            ReviewIdentityVerificationRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setIdentityVerificationId(submitted.getIdentityVerificationId())
                .setDecision(IdentityReviewDecision.IDENTITY_REVIEW_DECISION_APPROVE)
                .build());
  }

  /** A new, verified account. */
  public static CreateAccountResponse verifiedAccount(TestServer server, String name) {
    CreateAccountResponse account = server.newAccount(name);
    verify(server, account);
    return account;
  }

  public static void fund(TestServer server, CreateAccountResponse account, String cash, String gift) {
    String id = account.getAccount().getAccountId();
    if (cash != null) {
      server.operator().topUpCash(
          TopUpCashRequest.newBuilder().setRequestId(TestServer.requestId()).setAccountId(id).setAmount(Moneys.cny(cash)).build());
    }
    if (gift != null) {
      server.operator().grantGiftBalance(
          GrantGiftBalanceRequest.newBuilder().setRequestId(TestServer.requestId()).setAccountId(id).setAmount(Moneys.cny(gift)).build());
    }
  }

  /** The current version of the resource-plan terms, as a console would show it before buying. */
  public static String currentPlanTerms(TestServer server, String key) {
    return server.plan(key)
        .getCurrentTerms(GetCurrentTermsRequest.newBuilder().setKind(TermsKind.TERMS_KIND_RESOURCE_PLAN).build())
        .getTerms()
        .getVersion();
  }

  /** Creates and pays an order; the account must be verified and funded. */
  public static io.resourceplans.api.v1.PayOrderResponse buy(
      TestServer server, String key, String planSpecId, long quantity, io.resourceplans.api.v1.Purpose purpose, String regionId) {
    var order =
        server.plan(key)
            .createOrder(
                io.resourceplans.api.v1.CreateOrderRequest.newBuilder()
                    .setRequestId(TestServer.requestId())
                    .setPlanSpecId(planSpecId)
                    .setQuantity(quantity)
                    .setPurpose(purpose)
                    .setRegionId(regionId)
                    .setAcceptedTermsVersion(currentPlanTerms(server, key))
                    .build())
            .getOrder();
    return server.plan(key)
        .payOrder(
            io.resourceplans.api.v1.PayOrderRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setOrderId(order.getOrderId())
                .build());
  }

  /** Activates pay-as-you-go for a product in a region, accepting the current agreement. */
  public static void activatePayAsYouGo(TestServer server, String key, String productId, String regionId) {
    String agreement =
        server.plan(key)
            .getCurrentTerms(GetCurrentTermsRequest.newBuilder().setKind(TermsKind.TERMS_KIND_PAY_AS_YOU_GO).build())
            .getTerms()
            .getVersion();
    server.activation(key)
        .activatePayAsYouGo(
            io.resourceplans.api.v1.ActivatePayAsYouGoRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setProductId(productId)
                .setRegionId(regionId)
                .setAcceptedAgreementVersion(agreement)
                .build());
  }
}
