package io.resourceplans.domain.error;

/**
 * Every refusal the service can give. The constant name is the ErrorInfo reason callers see, so
 * renaming one is an API change; docs/errors.md lists them with their meaning. {@link #INVALID_INPUT} is plain bad input: it travels as field
 * violations only, without a reason.
 */
public enum ErrorCode {
  INVALID_INPUT(ErrorCategory.INVALID_ARGUMENT),
  IDEMPOTENCY_KEY_REUSED(ErrorCategory.INVALID_ARGUMENT),
  LOGIN_TICKET_INVALID(ErrorCategory.INVALID_ARGUMENT),
  PAGE_TOKEN_INVALID(ErrorCategory.INVALID_ARGUMENT),
  PURPOSE_NOT_ALLOWED(ErrorCategory.INVALID_ARGUMENT),
  QUANTITY_NOT_ALLOWED(ErrorCategory.INVALID_ARGUMENT),
  /** A webhook endpoint URL the service will not call (not https, or a loopback or private address). */
  WEBHOOK_URL_NOT_ALLOWED(ErrorCategory.INVALID_ARGUMENT),
  /** The request's bytes are not a message of the RPC's request type. */
  REQUEST_MALFORMED(ErrorCategory.INVALID_ARGUMENT),

  API_KEY_INVALID(ErrorCategory.UNAUTHENTICATED),
  API_KEY_MISSING(ErrorCategory.UNAUTHENTICATED),

  ACCOUNT_ONLY(ErrorCategory.PERMISSION_DENIED),
  MAIN_ACCOUNT_ONLY(ErrorCategory.PERMISSION_DENIED),
  OPERATOR_ONLY(ErrorCategory.PERMISSION_DENIED),
  PERMISSION_MISSING(ErrorCategory.PERMISSION_DENIED),

  ACCOUNT_NOT_FOUND(ErrorCategory.NOT_FOUND),
  API_KEY_NOT_FOUND(ErrorCategory.NOT_FOUND),
  BILLING_ACCOUNT_NOT_FOUND(ErrorCategory.NOT_FOUND),
  IDENTITY_VERIFICATION_NOT_FOUND(ErrorCategory.NOT_FOUND),
  MARKETPLACE_INSTANCE_NOT_FOUND(ErrorCategory.NOT_FOUND),
  MESSAGE_NOT_FOUND(ErrorCategory.NOT_FOUND),
  NOTIFICATION_NOT_FOUND(ErrorCategory.NOT_FOUND),
  ORDER_NOT_FOUND(ErrorCategory.NOT_FOUND),
  PACKAGE_NOT_FOUND(ErrorCategory.NOT_FOUND),
  PLAN_SPEC_NOT_FOUND(ErrorCategory.NOT_FOUND),
  PRODUCT_NOT_FOUND(ErrorCategory.NOT_FOUND),
  REGION_NOT_FOUND(ErrorCategory.NOT_FOUND),
  SITE_NOT_FOUND(ErrorCategory.NOT_FOUND),
  SUB_USER_NOT_FOUND(ErrorCategory.NOT_FOUND),
  TERMS_NOT_FOUND(ErrorCategory.NOT_FOUND),
  VENDOR_USER_NOT_FOUND(ErrorCategory.NOT_FOUND),
  VOUCHER_NOT_FOUND(ErrorCategory.NOT_FOUND),
  WORKSPACE_NOT_FOUND(ErrorCategory.NOT_FOUND),
  /** No test clock with this ID. */
  TEST_CLOCK_NOT_FOUND(ErrorCategory.NOT_FOUND),
  /** No live webhook endpoint with this ID in the caller's account. */
  WEBHOOK_ENDPOINT_NOT_FOUND(ErrorCategory.NOT_FOUND),
  /** No webhook delivery with this ID in the caller's account. */
  WEBHOOK_DELIVERY_NOT_FOUND(ErrorCategory.NOT_FOUND),
  /** No quota hold with this ID in the caller's account. */
  HOLD_NOT_FOUND(ErrorCategory.NOT_FOUND),

  BILLING_ACCOUNT_ALREADY_BOUND(ErrorCategory.ALREADY_EXISTS),
  CLOUD_ACCOUNT_ALREADY_BOUND(ErrorCategory.ALREADY_EXISTS),
  EMAIL_TAKEN(ErrorCategory.ALREADY_EXISTS),
  INSTANCE_ALREADY_BOUND(ErrorCategory.ALREADY_EXISTS),
  MARKETPLACE_PLAN_ALREADY_ACTIVE(ErrorCategory.ALREADY_EXISTS),
  PLAN_SPEC_ALREADY_EXISTS(ErrorCategory.ALREADY_EXISTS),
  PRODUCT_ALREADY_EXISTS(ErrorCategory.ALREADY_EXISTS),
  TERMS_VERSION_EXISTS(ErrorCategory.ALREADY_EXISTS),
  USERNAME_TAKEN(ErrorCategory.ALREADY_EXISTS),
  WORKSPACE_ALREADY_BOUND(ErrorCategory.ALREADY_EXISTS),
  WORKSPACE_NAME_TAKEN(ErrorCategory.ALREADY_EXISTS),

  /** A top-up or grant would take a balance above Money.MAX_STORED_AMOUNT. */
  BALANCE_LIMIT_EXCEEDED(ErrorCategory.FAILED_PRECONDITION),
  BILLING_ACCOUNT_NOT_BOUND(ErrorCategory.FAILED_PRECONDITION),
  CREDIT_LINE_BELOW_USED(ErrorCategory.FAILED_PRECONDITION),
  CURRENCY_MISMATCH(ErrorCategory.FAILED_PRECONDITION),
  IDENTITY_ALREADY_VERIFIED(ErrorCategory.FAILED_PRECONDITION),
  IDENTITY_NOT_VERIFIED(ErrorCategory.FAILED_PRECONDITION),
  IDENTITY_VERIFICATION_NOT_PENDING(ErrorCategory.FAILED_PRECONDITION),
  NOTIFICATION_NOT_RETRYABLE(ErrorCategory.FAILED_PRECONDITION),
  IDENTITY_VERIFICATION_PENDING(ErrorCategory.FAILED_PRECONDITION),
  INSUFFICIENT_BALANCE(ErrorCategory.FAILED_PRECONDITION),
  LAST_MAIN_API_KEY(ErrorCategory.FAILED_PRECONDITION),
  LOGIN_TICKET_EXPIRED(ErrorCategory.FAILED_PRECONDITION),
  LOGIN_TICKET_USED(ErrorCategory.FAILED_PRECONDITION),
  ORDER_ALREADY_PAID(ErrorCategory.FAILED_PRECONDITION),
  ORDER_CANCELLED(ErrorCategory.FAILED_PRECONDITION),
  ORDER_EXPIRED(ErrorCategory.FAILED_PRECONDITION),
  PLAN_NON_REFUNDABLE(ErrorCategory.FAILED_PRECONDITION),
  PLAN_SPEC_RETIRED(ErrorCategory.FAILED_PRECONDITION),
  PRODUCT_NOT_ON_MARKETPLACE(ErrorCategory.FAILED_PRECONDITION),
  TERMS_NOT_PUBLISHED(ErrorCategory.FAILED_PRECONDITION),
  TERMS_VERSION_OUTDATED(ErrorCategory.FAILED_PRECONDITION),
  VERIFICATION_CODE_EXPIRED(ErrorCategory.FAILED_PRECONDITION),
  VERIFICATION_CODE_INVALID(ErrorCategory.FAILED_PRECONDITION),
  VOUCHER_ALREADY_USED(ErrorCategory.FAILED_PRECONDITION),
  VOUCHER_EXPIRED(ErrorCategory.FAILED_PRECONDITION),
  VOUCHER_NOT_APPLICABLE(ErrorCategory.FAILED_PRECONDITION),
  WORKSPACE_SITE_IMMUTABLE(ErrorCategory.FAILED_PRECONDITION),
  /** AdvanceTestClock by an account that lives in real time (not created on a test clock). */
  ACCOUNT_NOT_ON_TEST_CLOCK(ErrorCategory.FAILED_PRECONDITION),
  /** Test clocks are turned off on this server (--test-clocks=false). */
  TEST_CLOCKS_DISABLED(ErrorCategory.FAILED_PRECONDITION),
  /** WatchAccountEvents cannot resume after that event: not a retained event of the account. */
  EVENT_CURSOR_EXPIRED(ErrorCategory.FAILED_PRECONDITION),
  /** The hold was captured in full, released or expired. */
  HOLD_NOT_ACTIVE(ErrorCategory.FAILED_PRECONDITION),
  /** The hold's expire_time has passed: no capture. */
  HOLD_EXPIRED(ErrorCategory.FAILED_PRECONDITION),
  /** A capture of more than the hold still holds. */
  HOLD_QUANTITY_EXCEEDED(ErrorCategory.FAILED_PRECONDITION),

  QUOTA_EXHAUSTED(ErrorCategory.RESOURCE_EXHAUSTED),
  /** A compressed request inflates past the server's maximum inbound message size. */
  REQUEST_TOO_LARGE(ErrorCategory.RESOURCE_EXHAUSTED),
  VERIFICATION_CODE_ATTEMPTS_EXCEEDED(ErrorCategory.RESOURCE_EXHAUSTED),
  VERIFICATION_CODE_COOLDOWN(ErrorCategory.RESOURCE_EXHAUSTED),
  /** Too many WatchAccountEvents streams open for the account, or on the replica. */
  EVENT_WATCHERS_EXCEEDED(ErrorCategory.RESOURCE_EXHAUSTED),
  // Issue 13: vendor log-in and many workspaces per instance.
  /** Wrong password or no such vendor user: one refusal for both. */
  LOGIN_CREDENTIALS_INVALID(ErrorCategory.FAILED_PRECONDITION),
  /** Too many failed log-ins: every attempt is refused until the lock ends. */
  LOGIN_LOCKED(ErrorCategory.RESOURCE_EXHAUSTED),
  /** The workspace to open is not bound to the instance. */
  WORKSPACE_NOT_BOUND_TO_INSTANCE(ErrorCategory.FAILED_PRECONDITION),
  /** The vendor user logging in may not use the billing-center account linked to the cloud account. */
  LOGIN_CLOUD_ACCOUNT_MISMATCH(ErrorCategory.FAILED_PRECONDITION),

  /** A transaction kept losing to concurrent ones; the caller may retry with the same request ID. */
  CONCURRENT_MODIFICATION(ErrorCategory.ABORTED),
  /**
   * The database could not be reached or dropped the connection. A change in flight may or may not
   * have been committed; a retry with the same request ID answers either way.
   */
  DATABASE_UNAVAILABLE(ErrorCategory.UNAVAILABLE);

  private final ErrorCategory category;

  ErrorCode(ErrorCategory category) {
    this.category = category;
  }

  public ErrorCategory category() {
    return category;
  }

  /** The UPPER_SNAKE reason put in google.rpc.ErrorInfo. */
  public String reason() {
    return name();
  }
}
