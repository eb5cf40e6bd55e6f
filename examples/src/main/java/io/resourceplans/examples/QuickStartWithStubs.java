package io.resourceplans.examples;

import com.google.rpc.ErrorInfo;
import com.google.type.Money;
import io.grpc.*;
import io.grpc.protobuf.StatusProto;
import io.resourceplans.api.v1.*;
import io.resourceplans.client.BearerToken;
import io.resourceplans.client.DefaultDeadline;
import java.time.Duration;
import java.util.UUID;

/**
 * {@link QuickStart}'s flow as it was written before the client library had its service clients:
 * plain gRPC stubs with the credential and deadline helpers, request IDs made by hand, a paging
 * loop, and the refusal's reason dug out of the status details. Kept to compare the two.
 */
public final class QuickStartWithStubs {
  public static void main(String[] args) throws Exception {
    ManagedChannel channel = Grpc.newChannelBuilder(args[0], InsecureChannelCredentials.create()).build();
    try {
      Channel withDeadline = ClientInterceptors.intercept(channel, DefaultDeadline.of(Duration.ofSeconds(10)));
      var operator = OperatorServiceGrpc.newBlockingStub(withDeadline).withCallCredentials(BearerToken.of(args[1]));
      var created = operator.createAccount(CreateAccountRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
          .setDisplayName("Example Shop").setContactEmail("ops@shop.example.com").build());
      String accountId = created.getAccount().getAccountId();
      BearerToken shopKey = BearerToken.of(created.getApiKeySecret());
      var activation = ActivationServiceGrpc.newBlockingStub(withDeadline).withCallCredentials(shopKey);
      var plan = PlanServiceGrpc.newBlockingStub(withDeadline).withCallCredentials(shopKey);
      var verification = activation.submitIdentityVerification(SubmitIdentityVerificationRequest.newBuilder()
          .setRequestId(UUID.randomUUID().toString())
          .setSubjectType(IdentitySubjectType.IDENTITY_SUBJECT_TYPE_ENTERPRISE)
          .setLegalName("Example Shop Ltd").setDocumentNumber("91330100MA2B3C4D5E").build());
      operator.reviewIdentityVerification(ReviewIdentityVerificationRequest.newBuilder()
          .setRequestId(UUID.randomUUID().toString())
          .setIdentityVerificationId(verification.getIdentityVerification().getIdentityVerificationId())
          .setDecision(IdentityReviewDecision.IDENTITY_REVIEW_DECISION_APPROVE).build());
      operator.topUpCash(TopUpCashRequest.newBuilder().setRequestId(UUID.randomUUID().toString()).setAccountId(accountId)
          .setAmount(Money.newBuilder().setCurrencyCode("CNY").setUnits(1000)).build());

      String terms = plan.getCurrentTerms(GetCurrentTermsRequest.newBuilder()
          .setKind(TermsKind.TERMS_KIND_RESOURCE_PLAN).build()).getTerms().getVersion();
      var order = plan.createOrder(CreateOrderRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
          .setPlanSpecId("sms-domestic-custom").setQuantity(1000).setPurpose(Purpose.PURPOSE_MARKETING)
          .setRegionId("cn-hangzhou").setAcceptedTermsVersion(terms).build()).getOrder();
      plan.payOrder(PayOrderRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
          .setOrderId(order.getOrderId()).build());

      var usage = RecordUsageRequest.newBuilder().setProductId("sms-domestic").setRegionId("cn-hangzhou")
          .setPurpose(Purpose.PURPOSE_MARKETING);
      String requestId = UUID.randomUUID().toString();
      var recorded = plan.recordUsage(usage.setRequestId(requestId).setQuantity(20).build()).getUsageRecord();
      System.out.println("recorded " + recorded.getQuantity() + " as " + recorded.getRequestId());

      String pageToken = "";
      do {
        var page = plan.listPackages(ListPackagesRequest.newBuilder().setPageSize(10).setPageToken(pageToken).build());
        for (var p : page.getPackagesList()) {
          System.out.println("package " + p.getPackageId() + ": " + p.getRemainingQuantity() + " left");
        }
        pageToken = page.getNextPageToken();
      } while (!pageToken.isEmpty());

      requestId = UUID.randomUUID().toString();
      try {
        plan.recordUsage(usage.setRequestId(requestId).setQuantity(5000).build());
      } catch (StatusRuntimeException e) {
        String reason = "";
        com.google.rpc.Status details = StatusProto.fromThrowable(e);
        for (var detail : details == null ? java.util.List.<com.google.protobuf.Any>of() : details.getDetailsList()) {
          if (detail.is(ErrorInfo.class)) {
            reason = detail.unpack(ErrorInfo.class).getReason();
          }
        }
        switch (reason) {
          case "QUOTA_EXHAUSTED" -> System.out.println("refused: buy more first (" + requestId + ")");
          default -> throw e;
        }
      }
    } finally {
      channel.shutdown().awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
    }
  }
}
