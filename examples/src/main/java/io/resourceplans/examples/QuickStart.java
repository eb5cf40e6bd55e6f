package io.resourceplans.examples;

import com.google.type.Money;
import io.resourceplans.api.v1.*;
import io.resourceplans.client.ResourcePlansClient;
import io.resourceplans.client.ResourcePlansException;

/**
 * The flow of the README's "Using the Java client": an operator opens an account; the account
 * buys a package, records usage, pages through its packages and handles a refusal. Run with the
 * server's address and the operator key: {@code QuickStart localhost:50051 <operator key>}.
 */
public final class QuickStart {
  public static void main(String[] args) {
    try (var operator = ResourcePlansClient.builder().target(args[0]).apiKey(args[1]).plaintext().build()) {
      var created = operator.operator().createAccount(CreateAccountRequest.newBuilder()
          .setDisplayName("Example Shop").setContactEmail("ops@shop.example.com").build());
      String accountId = created.getAccount().getAccountId();
      try (var shop = ResourcePlansClient.builder().target(args[0]).apiKey(created.getApiKeySecret()).plaintext().build()) {
        var verification = shop.activation().submitIdentityVerification(SubmitIdentityVerificationRequest.newBuilder()
            .setSubjectType(IdentitySubjectType.IDENTITY_SUBJECT_TYPE_ENTERPRISE)
            .setLegalName("Example Shop Ltd").setDocumentNumber("91330100MA2B3C4D5E").build());
        operator.operator().reviewIdentityVerification(ReviewIdentityVerificationRequest.newBuilder()
            .setIdentityVerificationId(verification.getIdentityVerification().getIdentityVerificationId())
            .setDecision(IdentityReviewDecision.IDENTITY_REVIEW_DECISION_APPROVE).build());
        operator.operator().topUpCash(TopUpCashRequest.newBuilder().setAccountId(accountId)
            .setAmount(Money.newBuilder().setCurrencyCode("CNY").setUnits(1000)).build());

        String terms = shop.plan().getCurrentTerms(GetCurrentTermsRequest.newBuilder()
            .setKind(TermsKind.TERMS_KIND_RESOURCE_PLAN).build()).getTerms().getVersion();
        var order = shop.plan().createOrder(CreateOrderRequest.newBuilder().setPlanSpecId("sms-domestic-custom")
            .setQuantity(1000).setPurpose(Purpose.PURPOSE_MARKETING).setRegionId("cn-hangzhou")
            .setAcceptedTermsVersion(terms).build()).getOrder();
        shop.plan().payOrder(PayOrderRequest.newBuilder().setOrderId(order.getOrderId()).build());

        var usage = RecordUsageRequest.newBuilder().setProductId("sms-domestic").setRegionId("cn-hangzhou")
            .setPurpose(Purpose.PURPOSE_MARKETING);
        var recorded = shop.plan().recordUsage(usage.setQuantity(20).build()).getUsageRecord();
        System.out.println("recorded " + recorded.getQuantity() + " as " + recorded.getRequestId());

        for (var p : shop.plan().listAllPackages(ListPackagesRequest.newBuilder().setPageSize(10).build())) {
          System.out.println("package " + p.getPackageId() + ": " + p.getRemainingQuantity() + " left");
        }

        try {
          shop.plan().recordUsage(usage.setQuantity(5000).build());
        } catch (ResourcePlansException e) {
          switch (e.reason()) {
            case QUOTA_EXHAUSTED -> System.out.println("refused: buy more first (" + e.requestId().orElse("") + ")");
            default -> throw e;
          }
        }
      }
    }
  }
}
