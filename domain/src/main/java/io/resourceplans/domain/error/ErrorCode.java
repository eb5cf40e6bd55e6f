package io.resourceplans.domain.error;

/**
 * Every refusal the service can give. The constant name is the ErrorInfo reason callers see, so
 * renaming one is an API change. {@link #INVALID_INPUT} is plain bad input: it travels as field
 * violations only, without a reason.
 */
public enum ErrorCode {
  INVALID_INPUT(ErrorCategory.INVALID_ARGUMENT),
  IDEMPOTENCY_KEY_REUSED(ErrorCategory.INVALID_ARGUMENT),
  PAGE_TOKEN_INVALID(ErrorCategory.INVALID_ARGUMENT),

  API_KEY_MISSING(ErrorCategory.UNAUTHENTICATED),
  API_KEY_INVALID(ErrorCategory.UNAUTHENTICATED),

  OPERATOR_ONLY(ErrorCategory.PERMISSION_DENIED),
  ACCOUNT_ONLY(ErrorCategory.PERMISSION_DENIED),
  MAIN_ACCOUNT_ONLY(ErrorCategory.PERMISSION_DENIED),
  PERMISSION_MISSING(ErrorCategory.PERMISSION_DENIED),

  ACCOUNT_NOT_FOUND(ErrorCategory.NOT_FOUND),
  SUB_USER_NOT_FOUND(ErrorCategory.NOT_FOUND),
  API_KEY_NOT_FOUND(ErrorCategory.NOT_FOUND),
  REGION_NOT_FOUND(ErrorCategory.NOT_FOUND),

  IDENTITY_NOT_VERIFIED(ErrorCategory.FAILED_PRECONDITION),
  LAST_MAIN_API_KEY(ErrorCategory.FAILED_PRECONDITION),

  /** A transaction kept losing to concurrent ones; the caller may retry with the same request ID. */
  CONCURRENT_MODIFICATION(ErrorCategory.ABORTED);

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
