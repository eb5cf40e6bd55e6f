// Generated from resourceplans/v1/operator_service.proto by ServiceClientsGenerator (client tests): do not edit.
// ServiceClientsSourceTest says how to regenerate it when the protos change.
package io.resourceplans.client;

import io.resourceplans.api.v1.AdvanceTestClockRequest;
import io.resourceplans.api.v1.AdvanceTestClockResponse;
import io.resourceplans.api.v1.CreateAccountRequest;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.CreatePlanSpecRequest;
import io.resourceplans.api.v1.CreatePlanSpecResponse;
import io.resourceplans.api.v1.CreateProductRequest;
import io.resourceplans.api.v1.CreateProductResponse;
import io.resourceplans.api.v1.CreateTestClockRequest;
import io.resourceplans.api.v1.CreateTestClockResponse;
import io.resourceplans.api.v1.GetTestClockRequest;
import io.resourceplans.api.v1.GetTestClockResponse;
import io.resourceplans.api.v1.GrantGiftBalanceRequest;
import io.resourceplans.api.v1.GrantGiftBalanceResponse;
import io.resourceplans.api.v1.IdentityVerification;
import io.resourceplans.api.v1.IssueVoucherRequest;
import io.resourceplans.api.v1.IssueVoucherResponse;
import io.resourceplans.api.v1.ListIdentityVerificationsRequest;
import io.resourceplans.api.v1.ListIdentityVerificationsResponse;
import io.resourceplans.api.v1.ListNotificationAttemptsRequest;
import io.resourceplans.api.v1.ListNotificationAttemptsResponse;
import io.resourceplans.api.v1.ListNotificationsRequest;
import io.resourceplans.api.v1.ListNotificationsResponse;
import io.resourceplans.api.v1.ListTestClocksRequest;
import io.resourceplans.api.v1.ListTestClocksResponse;
import io.resourceplans.api.v1.LookupAccountRequest;
import io.resourceplans.api.v1.LookupAccountResponse;
import io.resourceplans.api.v1.Notification;
import io.resourceplans.api.v1.OperatorServiceGrpc;
import io.resourceplans.api.v1.PublishTermsVersionRequest;
import io.resourceplans.api.v1.PublishTermsVersionResponse;
import io.resourceplans.api.v1.RetirePlanSpecRequest;
import io.resourceplans.api.v1.RetirePlanSpecResponse;
import io.resourceplans.api.v1.RetryNotificationRequest;
import io.resourceplans.api.v1.RetryNotificationResponse;
import io.resourceplans.api.v1.ReviewIdentityVerificationRequest;
import io.resourceplans.api.v1.ReviewIdentityVerificationResponse;
import io.resourceplans.api.v1.SetCreditLineRequest;
import io.resourceplans.api.v1.SetCreditLineResponse;
import io.resourceplans.api.v1.TestClock;
import io.resourceplans.api.v1.TopUpCashRequest;
import io.resourceplans.api.v1.TopUpCashResponse;
import io.resourceplans.api.v1.UpdatePlanSpecRequest;
import io.resourceplans.api.v1.UpdatePlanSpecResponse;
import io.resourceplans.api.v1.UpdateProductRequest;
import io.resourceplans.api.v1.UpdateProductResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The client of {@code resourceplans.v1.OperatorService}, from {@link ResourcePlansClient}.
 *
 * <p>Operator-only RPCs.
 *
 * <p>Callers: operator API keys only, for every RPC of this service. RPCs that
 * act on an account take its account_id; an unknown account is NOT_FOUND
 * reason ACCOUNT_NOT_FOUND.
 *
 * <p>Common errors of every RPC (not repeated below): UNAUTHENTICATED reason
 * API_KEY_MISSING / API_KEY_INVALID; PERMISSION_DENIED reason OPERATOR_ONLY
 * (account main keys and sub-users); INVALID_ARGUMENT reason
 * IDEMPOTENCY_KEY_REUSED (mutating RPCs) and PAGE_TOKEN_INVALID (List RPCs).
 *
 * <p>Each RPC has a blocking method, which returns the answer or throws
 * {@link ResourcePlansException}, and an {@code …Async} one returning a CompletableFuture; each
 * List RPC with pages also has a {@code listAll…} method walking every page. Calls fill an empty
 * request_id and are retried as {@link RetrySettings} says. Thread-safe.
 */
public final class OperatorServiceClient {
  private final UnaryCaller caller;

  OperatorServiceClient(UnaryCaller caller) {
    this.caller = caller;
  }

  /**
   * This client with a deadline of its own for every call, instead of the client's default.
   *
   * @param deadline time each call may take, retries included
   * @return a client sharing this one's connection
   */
  public OperatorServiceClient withDeadline(Duration deadline) {
    return new OperatorServiceClient(caller.withDeadline(deadline));
  }

  /**
   * Creates an account with its first main-account API key. The key's
   * secret is returned once, in this response only; the service keeps only
   * its hash. The account starts IDENTITY_VERIFICATION_STATE_UNVERIFIED
   * with an empty wallet.
   * Callers: operator only.
   * With test_clock_id the account is a test account on that test clock, for
   * its whole life (see CreateTestClock).
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * REGION_NOT_FOUND; NOT_FOUND reason TEST_CLOCK_NOT_FOUND;
   * FAILED_PRECONDITION reason IDENTITY_NOT_VERIFIED (the default region
   * asked for requires verification, which a new account does not have);
   * FAILED_PRECONDITION reason TEST_CLOCKS_DISABLED (test_clock_id given
   * while the server runs with --test-clocks=false).
   *
   * <p>RPC {@code resourceplans.v1.OperatorService/CreateAccount}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public CreateAccountResponse createAccount(CreateAccountRequest request) {
    return caller.call(OperatorServiceGrpc.getCreateAccountMethod(), request);
  }

  /**
   * {@link #createAccount} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<CreateAccountResponse> createAccountAsync(CreateAccountRequest request) {
    return caller.callAsync(OperatorServiceGrpc.getCreateAccountMethod(), request);
  }

  /**
   * Looks up any account by ID.
   * Callers: operator only.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * ACCOUNT_NOT_FOUND.
   *
   * <p>RPC {@code resourceplans.v1.OperatorService/LookupAccount}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public LookupAccountResponse lookupAccount(LookupAccountRequest request) {
    return caller.call(OperatorServiceGrpc.getLookupAccountMethod(), request);
  }

  /**
   * {@link #lookupAccount} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<LookupAccountResponse> lookupAccountAsync(LookupAccountRequest request) {
    return caller.callAsync(OperatorServiceGrpc.getLookupAccountMethod(), request);
  }

  /**
   * Creates a product of the catalog.
   * Callers: operator only.
   * Errors: INVALID_ARGUMENT (field violations); ALREADY_EXISTS reason
   * PRODUCT_ALREADY_EXISTS; FAILED_PRECONDITION reason CURRENCY_MISMATCH.
   *
   * <p>RPC {@code resourceplans.v1.OperatorService/CreateProduct}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public CreateProductResponse createProduct(CreateProductRequest request) {
    return caller.call(OperatorServiceGrpc.getCreateProductMethod(), request);
  }

  /**
   * {@link #createProduct} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<CreateProductResponse> createProductAsync(CreateProductRequest request) {
    return caller.callAsync(OperatorServiceGrpc.getCreateProductMethod(), request);
  }

  /**
   * Updates the fields of a product named in update_mask (display_name,
   * description, quantity_unit, pay_as_you_go_prices, vendor_name); a
   * repeated field is replaced whole. New pay-as-you-go prices apply to
   * usage recorded after the update.
   * Callers: operator only.
   * Errors: INVALID_ARGUMENT (field violations, including a required field
   * cleared through the mask); NOT_FOUND reason PRODUCT_NOT_FOUND;
   * FAILED_PRECONDITION reason CURRENCY_MISMATCH.
   *
   * <p>RPC {@code resourceplans.v1.OperatorService/UpdateProduct}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public UpdateProductResponse updateProduct(UpdateProductRequest request) {
    return caller.call(OperatorServiceGrpc.getUpdateProductMethod(), request);
  }

  /**
   * {@link #updateProduct} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<UpdateProductResponse> updateProductAsync(UpdateProductRequest request) {
    return caller.callAsync(OperatorServiceGrpc.getUpdateProductMethod(), request);
  }

  /**
   * Creates a plan spec (fixed or custom) of a product, PLAN_SPEC_STATE_ACTIVE,
   * optionally with prices per purpose (purpose_prices; purposes without one
   * pay the spec-level price).
   * Callers: operator only.
   * Errors: INVALID_ARGUMENT (field violations, including tiers that are not
   * ordered and contiguous and bad purpose_prices entries, e.g.
   * `plan_spec.purpose_prices[1].tiers[0].unit_price`); NOT_FOUND reason
   * PRODUCT_NOT_FOUND;
   * ALREADY_EXISTS reason PLAN_SPEC_ALREADY_EXISTS; FAILED_PRECONDITION
   * reason CURRENCY_MISMATCH.
   *
   * <p>RPC {@code resourceplans.v1.OperatorService/CreatePlanSpec}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public CreatePlanSpecResponse createPlanSpec(CreatePlanSpecRequest request) {
    return caller.call(OperatorServiceGrpc.getCreatePlanSpecMethod(), request);
  }

  /**
   * {@link #createPlanSpec} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<CreatePlanSpecResponse> createPlanSpecAsync(CreatePlanSpecRequest request) {
    return caller.callAsync(OperatorServiceGrpc.getCreatePlanSpecMethod(), request);
  }

  /**
   * Updates the fields of an active plan spec named in update_mask
   * (display_name, allowed_purposes, validity_months, fixed_pricing,
   * custom_pricing, purpose_prices; the pricing set must match the spec's
   * kind; purpose_prices is replaced whole, an empty list removing every
   * purpose price). The whole spec must be valid afterwards, e.g. a purpose
   * removed from allowed_purposes must also leave purpose_prices. Changes
   * apply to new quotes and orders only; existing orders (pending or paid)
   * and packages keep their prices.
   * Callers: operator only.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * PLAN_SPEC_NOT_FOUND; FAILED_PRECONDITION reason PLAN_SPEC_RETIRED;
   * FAILED_PRECONDITION reason CURRENCY_MISMATCH.
   *
   * <p>RPC {@code resourceplans.v1.OperatorService/UpdatePlanSpec}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public UpdatePlanSpecResponse updatePlanSpec(UpdatePlanSpecRequest request) {
    return caller.call(OperatorServiceGrpc.getUpdatePlanSpecMethod(), request);
  }

  /**
   * {@link #updatePlanSpec} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<UpdatePlanSpecResponse> updatePlanSpecAsync(UpdatePlanSpecRequest request) {
    return caller.callAsync(OperatorServiceGrpc.getUpdatePlanSpecMethod(), request);
  }

  /**
   * Retires a plan spec: it can no longer be quoted or ordered (orders
   * already created can still be paid). Final; retiring a retired spec
   * returns it unchanged.
   * Callers: operator only.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * PLAN_SPEC_NOT_FOUND.
   *
   * <p>RPC {@code resourceplans.v1.OperatorService/RetirePlanSpec}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public RetirePlanSpecResponse retirePlanSpec(RetirePlanSpecRequest request) {
    return caller.call(OperatorServiceGrpc.getRetirePlanSpecMethod(), request);
  }

  /**
   * {@link #retirePlanSpec} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<RetirePlanSpecResponse> retirePlanSpecAsync(RetirePlanSpecRequest request) {
    return caller.callAsync(OperatorServiceGrpc.getRetirePlanSpecMethod(), request);
  }

  /**
   * Publishes a new version of an agreement; it becomes the current version
   * of its kind at once, and requests accepting an older version then fail
   * TERMS_VERSION_OUTDATED.
   * Callers: operator only.
   * Errors: INVALID_ARGUMENT (field violations); ALREADY_EXISTS reason
   * TERMS_VERSION_EXISTS.
   *
   * <p>RPC {@code resourceplans.v1.OperatorService/PublishTermsVersion}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public PublishTermsVersionResponse publishTermsVersion(PublishTermsVersionRequest request) {
    return caller.call(OperatorServiceGrpc.getPublishTermsVersionMethod(), request);
  }

  /**
   * {@link #publishTermsVersion} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<PublishTermsVersionResponse> publishTermsVersionAsync(PublishTermsVersionRequest request) {
    return caller.callAsync(OperatorServiceGrpc.getPublishTermsVersionMethod(), request);
  }

  /**
   * Tops up an account's cash. The amount first repays any credit used; the
   * rest goes to the cash balance.
   * Callers: operator only.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * ACCOUNT_NOT_FOUND; FAILED_PRECONDITION reason CURRENCY_MISMATCH;
   * FAILED_PRECONDITION reason BALANCE_LIMIT_EXCEEDED (the balance would be
   * above 1,000,000,000,000,000.00; nothing changes).
   *
   * <p>RPC {@code resourceplans.v1.OperatorService/TopUpCash}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public TopUpCashResponse topUpCash(TopUpCashRequest request) {
    return caller.call(OperatorServiceGrpc.getTopUpCashMethod(), request);
  }

  /**
   * {@link #topUpCash} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<TopUpCashResponse> topUpCashAsync(TopUpCashRequest request) {
    return caller.callAsync(OperatorServiceGrpc.getTopUpCashMethod(), request);
  }

  /**
   * Adds to an account's gift balance.
   * Callers: operator only.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * ACCOUNT_NOT_FOUND; FAILED_PRECONDITION reason CURRENCY_MISMATCH;
   * FAILED_PRECONDITION reason BALANCE_LIMIT_EXCEEDED (the balance would be
   * above 1,000,000,000,000,000.00; nothing changes).
   *
   * <p>RPC {@code resourceplans.v1.OperatorService/GrantGiftBalance}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public GrantGiftBalanceResponse grantGiftBalance(GrantGiftBalanceRequest request) {
    return caller.call(OperatorServiceGrpc.getGrantGiftBalanceMethod(), request);
  }

  /**
   * {@link #grantGiftBalance} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<GrantGiftBalanceResponse> grantGiftBalanceAsync(GrantGiftBalanceRequest request) {
    return caller.callAsync(OperatorServiceGrpc.getGrantGiftBalanceMethod(), request);
  }

  /**
   * Sets an account's credit line (0 removes it).
   * Callers: operator only.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * ACCOUNT_NOT_FOUND; FAILED_PRECONDITION reason CREDIT_LINE_BELOW_USED
   * (the new line is below the credit already used); FAILED_PRECONDITION
   * reason CURRENCY_MISMATCH.
   *
   * <p>RPC {@code resourceplans.v1.OperatorService/SetCreditLine}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public SetCreditLineResponse setCreditLine(SetCreditLineRequest request) {
    return caller.call(OperatorServiceGrpc.getSetCreditLineMethod(), request);
  }

  /**
   * {@link #setCreditLine} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<SetCreditLineResponse> setCreditLineAsync(SetCreditLineRequest request) {
    return caller.callAsync(OperatorServiceGrpc.getSetCreditLineMethod(), request);
  }

  /**
   * Issues a single-use voucher to an account.
   * Callers: operator only.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * ACCOUNT_NOT_FOUND; NOT_FOUND reason PRODUCT_NOT_FOUND (product scope);
   * FAILED_PRECONDITION reason CURRENCY_MISMATCH.
   *
   * <p>RPC {@code resourceplans.v1.OperatorService/IssueVoucher}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public IssueVoucherResponse issueVoucher(IssueVoucherRequest request) {
    return caller.call(OperatorServiceGrpc.getIssueVoucherMethod(), request);
  }

  /**
   * {@link #issueVoucher} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<IssueVoucherResponse> issueVoucherAsync(IssueVoucherRequest request) {
    return caller.callAsync(OperatorServiceGrpc.getIssueVoucherMethod(), request);
  }

  /**
   * Lists identity verification submissions, oldest first (submit_time
   * ascending, then identity_verification_id): by default the pending
   * review queue.
   * Callers: operator only.
   * Errors: INVALID_ARGUMENT (field violations).
   *
   * <p>RPC {@code resourceplans.v1.OperatorService/ListIdentityVerifications}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public ListIdentityVerificationsResponse listIdentityVerifications(ListIdentityVerificationsRequest request) {
    return caller.call(OperatorServiceGrpc.getListIdentityVerificationsMethod(), request);
  }

  /**
   * {@link #listIdentityVerifications} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<ListIdentityVerificationsResponse> listIdentityVerificationsAsync(ListIdentityVerificationsRequest request) {
    return caller.callAsync(OperatorServiceGrpc.getListIdentityVerificationsMethod(), request);
  }

  /**
   * Every IdentityVerification {@link #listIdentityVerifications} lists, fetching its pages one after another as the
   * iteration reaches them (see {@link Paged}). The request's page_size sets the page size.
   *
   * @param request the request of the first page (page_token empty)
   * @return the items, fetched as they are used
   */
  public Paged<IdentityVerification> listAllIdentityVerifications(ListIdentityVerificationsRequest request) {
    return caller.pages(OperatorServiceGrpc.getListIdentityVerificationsMethod(), request, ListIdentityVerificationsResponse::getIdentityVerificationsList);
  }

  /**
   * Approves or rejects (with a reason) a pending identity verification;
   * the account's state becomes VERIFIED or REJECTED accordingly, and it is
   * notified by internal message and email.
   * Callers: operator only.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * IDENTITY_VERIFICATION_NOT_FOUND; FAILED_PRECONDITION reason
   * IDENTITY_VERIFICATION_NOT_PENDING (already reviewed).
   *
   * <p>RPC {@code resourceplans.v1.OperatorService/ReviewIdentityVerification}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public ReviewIdentityVerificationResponse reviewIdentityVerification(ReviewIdentityVerificationRequest request) {
    return caller.call(OperatorServiceGrpc.getReviewIdentityVerificationMethod(), request);
  }

  /**
   * {@link #reviewIdentityVerification} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<ReviewIdentityVerificationResponse> reviewIdentityVerificationAsync(ReviewIdentityVerificationRequest request) {
    return caller.callAsync(OperatorServiceGrpc.getReviewIdentityVerificationMethod(), request);
  }

  /**
   * Lists notifications of every account (or one) with their delivery
   * state, newest first (create_time descending, then notification_id):
   * e.g. the FAILED ones with their last error. Bodies are not shown.
   * Callers: operator only.
   * Errors: INVALID_ARGUMENT (field violations).
   *
   * <p>RPC {@code resourceplans.v1.OperatorService/ListNotifications}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public ListNotificationsResponse listNotifications(ListNotificationsRequest request) {
    return caller.call(OperatorServiceGrpc.getListNotificationsMethod(), request);
  }

  /**
   * {@link #listNotifications} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<ListNotificationsResponse> listNotificationsAsync(ListNotificationsRequest request) {
    return caller.callAsync(OperatorServiceGrpc.getListNotificationsMethod(), request);
  }

  /**
   * Every Notification {@link #listNotifications} lists, fetching its pages one after another as the
   * iteration reaches them (see {@link Paged}). The request's page_size sets the page size.
   *
   * @param request the request of the first page (page_token empty)
   * @return the items, fetched as they are used
   */
  public Paged<Notification> listAllNotifications(ListNotificationsRequest request) {
    return caller.pages(OperatorServiceGrpc.getListNotificationsMethod(), request, ListNotificationsResponse::getNotificationsList);
  }

  /**
   * Queues a FAILED or SKIPPED notification again, e.g. once the SMTP host
   * or SMS gateway is configured or fixed: it becomes PENDING, due at once,
   * with a fresh attempt budget; its last error stays until the next
   * attempt. Queuing one that is PENDING again (an idempotent replay)
   * returns it unchanged.
   * Callers: operator only.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * NOTIFICATION_NOT_FOUND; FAILED_PRECONDITION reason
   * NOTIFICATION_NOT_RETRYABLE (DELIVERED, or a verification code).
   *
   * <p>RPC {@code resourceplans.v1.OperatorService/RetryNotification}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public RetryNotificationResponse retryNotification(RetryNotificationRequest request) {
    return caller.call(OperatorServiceGrpc.getRetryNotificationMethod(), request);
  }

  /**
   * {@link #retryNotification} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<RetryNotificationResponse> retryNotificationAsync(RetryNotificationRequest request) {
    return caller.callAsync(OperatorServiceGrpc.getRetryNotificationMethod(), request);
  }

  /**
   * Lists every delivery attempt of one notification, first first: when it
   * was made, by which dispatcher, and why it did not deliver (each error,
   * not only the last one that ListNotifications shows). The history is
   * kept across RetryNotification.
   * Callers: operator only.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * NOTIFICATION_NOT_FOUND.
   *
   * <p>RPC {@code resourceplans.v1.OperatorService/ListNotificationAttempts}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public ListNotificationAttemptsResponse listNotificationAttempts(ListNotificationAttemptsRequest request) {
    return caller.call(OperatorServiceGrpc.getListNotificationAttemptsMethod(), request);
  }

  /**
   * {@link #listNotificationAttempts} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<ListNotificationAttemptsResponse> listNotificationAttemptsAsync(ListNotificationAttemptsRequest request) {
    return caller.callAsync(OperatorServiceGrpc.getListNotificationAttemptsMethod(), request);
  }

  /**
   * Creates a test clock: simulated time for test accounts, in the manner of
   * Stripe's test clocks. Accounts created with its test_clock_id (see
   * CreateAccount) live at its frozen_time for everything time-based
   * (package expiry and status, usage, expiry reminders, unpaid-order
   * expiry, voucher validity, summaries and lists), which moves only when
   * AdvanceTestClock moves it. Real accounts are never affected.
   * Callers: operator only.
   * Errors: INVALID_ARGUMENT (field violations); FAILED_PRECONDITION reason
   * TEST_CLOCKS_DISABLED (--test-clocks=false).
   *
   * <p>RPC {@code resourceplans.v1.OperatorService/CreateTestClock}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public CreateTestClockResponse createTestClock(CreateTestClockRequest request) {
    return caller.call(OperatorServiceGrpc.getCreateTestClockMethod(), request);
  }

  /**
   * {@link #createTestClock} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<CreateTestClockResponse> createTestClockAsync(CreateTestClockRequest request) {
    return caller.callAsync(OperatorServiceGrpc.getCreateTestClockMethod(), request);
  }

  /**
   * Reads a test clock.
   * Callers: operator only.
   * Errors: INVALID_ARGUMENT (field violations); NOT_FOUND reason
   * TEST_CLOCK_NOT_FOUND; FAILED_PRECONDITION reason TEST_CLOCKS_DISABLED.
   *
   * <p>RPC {@code resourceplans.v1.OperatorService/GetTestClock}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public GetTestClockResponse getTestClock(GetTestClockRequest request) {
    return caller.call(OperatorServiceGrpc.getGetTestClockMethod(), request);
  }

  /**
   * {@link #getTestClock} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<GetTestClockResponse> getTestClockAsync(GetTestClockRequest request) {
    return caller.callAsync(OperatorServiceGrpc.getGetTestClockMethod(), request);
  }

  /**
   * Lists test clocks, newest first (create_time descending, then
   * test_clock_id).
   * Callers: operator only.
   * Errors: INVALID_ARGUMENT (field violations); FAILED_PRECONDITION reason
   * TEST_CLOCKS_DISABLED.
   *
   * <p>RPC {@code resourceplans.v1.OperatorService/ListTestClocks}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public ListTestClocksResponse listTestClocks(ListTestClocksRequest request) {
    return caller.call(OperatorServiceGrpc.getListTestClocksMethod(), request);
  }

  /**
   * {@link #listTestClocks} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<ListTestClocksResponse> listTestClocksAsync(ListTestClocksRequest request) {
    return caller.callAsync(OperatorServiceGrpc.getListTestClocksMethod(), request);
  }

  /**
   * Every TestClock {@link #listTestClocks} lists, fetching its pages one after another as the
   * iteration reaches them (see {@link Paged}). The request's page_size sets the page size.
   *
   * @param request the request of the first page (page_token empty)
   * @return the items, fetched as they are used
   */
  public Paged<TestClock> listAllTestClocks(ListTestClocksRequest request) {
    return caller.pages(OperatorServiceGrpc.getListTestClocksMethod(), request, ListTestClocksResponse::getTestClocksList);
  }

  /**
   * Moves a test clock forward to frozen_time, named by the clock or by one
   * of its accounts, and runs what became due for its accounts in between,
   * as the real schedulers would have: each expiry reminder (30, 7 and 1
   * days before expiry by default, --reminder-offsets-days) at the moment it
   * became due, in time order, once, queued in the outbox as usual and
   * dated at that moment; packages past their expiry read EXPIRED and no
   * longer cover usage, unpaid orders past their expiry read EXPIRED,
   * vouchers past theirs read EXPIRED. The real schedulers never touch test
   * accounts.
   * Callers: operator only.
   * Errors: INVALID_ARGUMENT (field violations; frozen_time not later than
   * the clock's time, or more than 731 days later); NOT_FOUND reason
   * TEST_CLOCK_NOT_FOUND / ACCOUNT_NOT_FOUND; FAILED_PRECONDITION reason
   * ACCOUNT_NOT_ON_TEST_CLOCK (the account lives in real time);
   * FAILED_PRECONDITION reason TEST_CLOCKS_DISABLED.
   *
   * <p>RPC {@code resourceplans.v1.OperatorService/AdvanceTestClock}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer
   */
  public AdvanceTestClockResponse advanceTestClock(AdvanceTestClockRequest request) {
    return caller.call(OperatorServiceGrpc.getAdvanceTestClockMethod(), request);
  }

  /**
   * {@link #advanceTestClock} without blocking: the future completes with its answer, or with its
   * {@link ResourcePlansException}.
   *
   * @param request the request (an empty request_id is filled in)
   * @return the answer to come
   */
  public CompletableFuture<AdvanceTestClockResponse> advanceTestClockAsync(AdvanceTestClockRequest request) {
    return caller.callAsync(OperatorServiceGrpc.getAdvanceTestClockMethod(), request);
  }
}
