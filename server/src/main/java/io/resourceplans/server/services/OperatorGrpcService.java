package io.resourceplans.server.services;


import io.grpc.stub.StreamObserver;
import io.resourceplans.api.v1.CreateAccountRequest;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.CreatePlanSpecRequest;
import io.resourceplans.api.v1.CreatePlanSpecResponse;
import io.resourceplans.api.v1.CreateProductRequest;
import io.resourceplans.api.v1.CreateProductResponse;
import io.resourceplans.api.v1.GrantGiftBalanceRequest;
import io.resourceplans.api.v1.GrantGiftBalanceResponse;
import io.resourceplans.api.v1.IssueVoucherRequest;
import io.resourceplans.api.v1.IssueVoucherResponse;
import io.resourceplans.api.v1.ListIdentityVerificationsRequest;
import io.resourceplans.api.v1.ListIdentityVerificationsResponse;
import io.resourceplans.api.v1.LookupAccountRequest;
import io.resourceplans.api.v1.LookupAccountResponse;
import io.resourceplans.api.v1.OperatorServiceGrpc;
import io.resourceplans.api.v1.PublishTermsVersionRequest;
import io.resourceplans.api.v1.PublishTermsVersionResponse;
import io.resourceplans.api.v1.RetirePlanSpecRequest;
import io.resourceplans.api.v1.RetirePlanSpecResponse;
import io.resourceplans.api.v1.ReviewIdentityVerificationRequest;
import io.resourceplans.api.v1.ReviewIdentityVerificationResponse;
import io.resourceplans.api.v1.SetCreditLineRequest;
import io.resourceplans.api.v1.SetCreditLineResponse;
import io.resourceplans.api.v1.TopUpCashRequest;
import io.resourceplans.api.v1.TopUpCashResponse;
import io.resourceplans.api.v1.UpdatePlanSpecRequest;
import io.resourceplans.api.v1.UpdatePlanSpecResponse;
import io.resourceplans.api.v1.UpdateProductRequest;
import io.resourceplans.api.v1.UpdateProductResponse;
import javax.inject.Inject;
import javax.inject.Singleton;

/** OperatorService: operator-only administration, delegating each area to its handler. */
@Singleton
public final class OperatorGrpcService extends OperatorServiceGrpc.OperatorServiceImplBase {
  private final AccountRpcs accountRpcs;
  private final CatalogRpcs catalogRpcs;
  private final AccessRpcs accessRpcs;
  private final BillingRpcs billingRpcs;
  private final NotificationRpcs notificationRpcs;
  private final TestClockRpcs testClockRpcs;

  @Inject
  OperatorGrpcService(
      AccountRpcs accountRpcs,
      CatalogRpcs catalogRpcs,
      AccessRpcs accessRpcs,
      BillingRpcs billingRpcs,
      NotificationRpcs notificationRpcs,
      TestClockRpcs testClockRpcs) {
    this.accountRpcs = accountRpcs;
    this.catalogRpcs = catalogRpcs;
    this.accessRpcs = accessRpcs;
    this.billingRpcs = billingRpcs;
    this.notificationRpcs = notificationRpcs;
    this.testClockRpcs = testClockRpcs;
  }

  @Override
  public void createAccount(CreateAccountRequest request, StreamObserver<CreateAccountResponse> out) {
    accountRpcs.createAccount(request, out);
  }

  @Override
  public void lookupAccount(LookupAccountRequest request, StreamObserver<LookupAccountResponse> out) {
    accountRpcs.lookupAccount(request, out);
  }

  @Override
  public void createProduct(CreateProductRequest request, StreamObserver<CreateProductResponse> out) {
    catalogRpcs.createProduct(request, out);
  }

  @Override
  public void updateProduct(UpdateProductRequest request, StreamObserver<UpdateProductResponse> out) {
    catalogRpcs.updateProduct(request, out);
  }

  @Override
  public void createPlanSpec(CreatePlanSpecRequest request, StreamObserver<CreatePlanSpecResponse> out) {
    catalogRpcs.createPlanSpec(request, out);
  }

  @Override
  public void updatePlanSpec(UpdatePlanSpecRequest request, StreamObserver<UpdatePlanSpecResponse> out) {
    catalogRpcs.updatePlanSpec(request, out);
  }

  @Override
  public void retirePlanSpec(RetirePlanSpecRequest request, StreamObserver<RetirePlanSpecResponse> out) {
    catalogRpcs.retirePlanSpec(request, out);
  }

  @Override
  public void publishTermsVersion(PublishTermsVersionRequest request, StreamObserver<PublishTermsVersionResponse> out) {
    accessRpcs.publishTermsVersion(request, out);
  }

  @Override
  public void listIdentityVerifications(ListIdentityVerificationsRequest request, StreamObserver<ListIdentityVerificationsResponse> out) {
    accessRpcs.listIdentityVerifications(request, out);
  }

  @Override
  public void reviewIdentityVerification(ReviewIdentityVerificationRequest request, StreamObserver<ReviewIdentityVerificationResponse> out) {
    accessRpcs.reviewIdentityVerification(request, out);
  }

  @Override
  public void topUpCash(TopUpCashRequest request, StreamObserver<TopUpCashResponse> out) {
    billingRpcs.topUpCash(request, out);
  }

  @Override
  public void grantGiftBalance(GrantGiftBalanceRequest request, StreamObserver<GrantGiftBalanceResponse> out) {
    billingRpcs.grantGiftBalance(request, out);
  }

  @Override
  public void setCreditLine(SetCreditLineRequest request, StreamObserver<SetCreditLineResponse> out) {
    billingRpcs.setCreditLine(request, out);
  }

  @Override
  public void issueVoucher(IssueVoucherRequest request, StreamObserver<IssueVoucherResponse> out) {
    billingRpcs.issueVoucher(request, out);
  }

  @Override
  public void retryNotification(
      io.resourceplans.api.v1.RetryNotificationRequest request,
      StreamObserver<io.resourceplans.api.v1.RetryNotificationResponse> out) {
    notificationRpcs.retryNotification(request, out);
  }

  @Override
  public void listNotificationAttempts(
      io.resourceplans.api.v1.ListNotificationAttemptsRequest request,
      StreamObserver<io.resourceplans.api.v1.ListNotificationAttemptsResponse> out) {
    notificationRpcs.listNotificationAttempts(request, out);
  }

  @Override
  public void listNotifications(
      io.resourceplans.api.v1.ListNotificationsRequest request,
      StreamObserver<io.resourceplans.api.v1.ListNotificationsResponse> out) {
    notificationRpcs.listNotifications(request, out);
  }

  @Override
  public void createTestClock(
      io.resourceplans.api.v1.CreateTestClockRequest request,
      StreamObserver<io.resourceplans.api.v1.CreateTestClockResponse> out) {
    testClockRpcs.createTestClock(request, out);
  }

  @Override
  public void getTestClock(
      io.resourceplans.api.v1.GetTestClockRequest request,
      StreamObserver<io.resourceplans.api.v1.GetTestClockResponse> out) {
    testClockRpcs.getTestClock(request, out);
  }

  @Override
  public void listTestClocks(
      io.resourceplans.api.v1.ListTestClocksRequest request,
      StreamObserver<io.resourceplans.api.v1.ListTestClocksResponse> out) {
    testClockRpcs.listTestClocks(request, out);
  }

  @Override
  public void advanceTestClock(
      io.resourceplans.api.v1.AdvanceTestClockRequest request,
      StreamObserver<io.resourceplans.api.v1.AdvanceTestClockResponse> out) {
    testClockRpcs.advanceTestClock(request, out);
  }
}
