package io.resourceplans.domain.idempotency;

import java.util.Objects;

/**
 * A client request ID within its scope (the caller's account, or the operator), and a fingerprint
 * of the request's content so that a reused ID with other content is caught.
 */
public record IdempotencyKey(String scope, String requestId, byte[] fingerprint) {
  public IdempotencyKey {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(requestId, "requestId");
    fingerprint = fingerprint.clone();
  }

  @Override
  public byte[] fingerprint() {
    return fingerprint.clone();
  }
}
