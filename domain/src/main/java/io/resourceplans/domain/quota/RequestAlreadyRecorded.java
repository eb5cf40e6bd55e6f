package io.resourceplans.domain.quota;

/**
 * The account already has a usage record with this request ID: the transaction that tried to
 * record it again must roll back, and the request is answered from the stored record.
 */
public final class RequestAlreadyRecorded extends RuntimeException {
  public RequestAlreadyRecorded(String requestId) {
    super("usage with request_id " + requestId + " is already recorded", null, false, false);
  }
}
