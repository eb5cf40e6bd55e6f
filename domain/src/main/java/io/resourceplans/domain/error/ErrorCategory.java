package io.resourceplans.domain.error;

/**
 * The kind of failure, independent of any transport. The server maps each category to exactly one
 * gRPC status code; the domain never names gRPC.
 */
public enum ErrorCategory {
  INVALID_ARGUMENT,
  UNAUTHENTICATED,
  PERMISSION_DENIED,
  NOT_FOUND,
  ALREADY_EXISTS,
  FAILED_PRECONDITION,
  RESOURCE_EXHAUSTED,
  ABORTED,
  UNAVAILABLE
}
