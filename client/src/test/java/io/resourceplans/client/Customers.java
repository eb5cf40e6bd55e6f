package io.resourceplans.client;

import com.google.type.Money;
import io.resourceplans.api.v1.CreateAccountRequest;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.CreateOrderRequest;
import io.resourceplans.api.v1.GetCurrentTermsRequest;
import io.resourceplans.api.v1.GetPackageSummaryRequest;
import io.resourceplans.api.v1.IdentityReviewDecision;
import io.resourceplans.api.v1.IdentitySubjectType;
import io.resourceplans.api.v1.PayOrderRequest;
import io.resourceplans.api.v1.ProductPackageSummary;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.ReviewIdentityVerificationRequest;
import io.resourceplans.api.v1.SubmitIdentityVerificationRequest;
import io.resourceplans.api.v1.TermsKind;
import io.resourceplans.api.v1.TopUpCashRequest;
import io.resourceplans.server.testing.NettyServerExtension;
import java.time.Duration;

/**
 * Set-up of the client tests, done through the client library itself: a verified, funded account
 * and its packages (100,000 domestic SMS each, bought from the seeded catalog).
 */
final class Customers {
  static final String PRODUCT = "sms-domestic";
  static final String PLAN_SPEC = "sms-domestic-100000";
  static final String REGION = "ap-southeast-1";
  static final long PACKAGE_QUANTITY = 100_000;

  private Customers() {}

  /** A customer's account and its client (which goes through the proxy with these retries). */
  record Customer(String accountId, String apiKey, ResourcePlansClient client) implements AutoCloseable {
    @Override
    public void close() {
      client.close();
    }
  }

  static ResourcePlansClient operator(String target) {
    return client(target, NettyServerExtension.OPERATOR_KEY, RetrySettings.defaults());
  }

  static ResourcePlansClient client(String target, String apiKey, RetrySettings retries) {
    return ResourcePlansClient.builder()
        .target(target)
        .apiKey(apiKey)
        .plaintext()
        .defaultDeadline(Duration.ofSeconds(30))
        .retries(retries)
        .build();
  }

  /** A verified account with 100,000.00 CNY of cash, and {@code packages} packages. */
  static Customer open(String target, String name, int packages, RetrySettings retries) {
    try (ResourcePlansClient operator = operator(target)) {
      CreateAccountResponse created =
          operator.operator()
              .createAccount(
                  CreateAccountRequest.newBuilder()
                      .setDisplayName(name)
                      .setContactEmail(name.toLowerCase().replace(' ', '.') + "@client.example.com")
                      .setDefaultRegionId(REGION)
                      .build());
      String accountId = created.getAccount().getAccountId();
      Customer customer = new Customer(accountId, created.getApiKeySecret(), client(target, created.getApiKeySecret(), retries));
      String verification =
          customer.client().activation()
              .submitIdentityVerification(
                  SubmitIdentityVerificationRequest.newBuilder()
                      .setSubjectType(IdentitySubjectType.IDENTITY_SUBJECT_TYPE_ENTERPRISE)
                      .setLegalName(name + " Ltd")
                      .setDocumentNumber("91330100MA2B3C4D5E")
                      .build())
              .getIdentityVerification()
              .getIdentityVerificationId();
      operator.operator()
          .reviewIdentityVerification(
              ReviewIdentityVerificationRequest.newBuilder()
                  .setIdentityVerificationId(verification)
                  .setDecision(IdentityReviewDecision.IDENTITY_REVIEW_DECISION_APPROVE)
                  .build());
      operator.operator()
          .topUpCash(
              TopUpCashRequest.newBuilder()
                  .setAccountId(accountId)
                  .setAmount(Money.newBuilder().setCurrencyCode("CNY").setUnits(100_000))
                  .build());
      if (packages > 0) {
        buy(customer, packages);
      }
      return customer;
    }
  }

  /** Buys {@code packages} packages in one order and pays it from the wallet. */
  static void buy(Customer customer, int packages) {
    PlanServiceClient plan = customer.client().plan();
    String terms =
        plan.getCurrentTerms(GetCurrentTermsRequest.newBuilder().setKind(TermsKind.TERMS_KIND_RESOURCE_PLAN).build())
            .getTerms()
            .getVersion();
    String orderId =
        plan.createOrder(
                CreateOrderRequest.newBuilder()
                    .setPlanSpecId(PLAN_SPEC)
                    .setQuantity(packages)
                    .setPurpose(Purpose.PURPOSE_GENERAL)
                    .setRegionId(REGION)
                    .setAcceptedTermsVersion(terms)
                    .build())
            .getOrder()
            .getOrderId();
    plan.payOrder(PayOrderRequest.newBuilder().setOrderId(orderId).build());
  }

  /** A usage record of {@code quantity} messages without a request_id (the client fills it). */
  static RecordUsageRequest usage(long quantity) {
    return RecordUsageRequest.newBuilder()
        .setProductId(PRODUCT)
        .setPurpose(Purpose.PURPOSE_VERIFICATION_NOTIFICATION)
        .setRegionId(REGION)
        .setQuantity(quantity)
        .build();
  }

  /** The customer's remaining quota of the product over its active packages. */
  static long remaining(Customer customer) {
    return customer.client().plan()
        .getPackageSummary(GetPackageSummaryRequest.newBuilder().setProductId(PRODUCT).build())
        .getProductsList()
        .stream()
        .filter(p -> p.getProductId().equals(PRODUCT))
        .mapToLong(ProductPackageSummary::getRemainingQuantity)
        .sum();
  }
}
