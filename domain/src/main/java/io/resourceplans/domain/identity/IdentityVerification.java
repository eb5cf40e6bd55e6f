package io.resourceplans.domain.identity;

import io.resourceplans.domain.account.IdentityState;
import java.time.Instant;
import java.util.Objects;

/**
 * One identity verification submission. {@code state} is PENDING until an operator reviews it,
 * then VERIFIED or REJECTED; {@code rejectionReason} is empty unless REJECTED and
 * {@code reviewTime} is null while PENDING. Only the masked document number exists here.
 */
public record IdentityVerification(
    String accountId,
    String identityVerificationId,
    IdentitySubjectType subjectType,
    String legalName,
    String documentNumberMasked,
    IdentityState state,
    String rejectionReason,
    Instant submitTime,
    Instant reviewTime) {

  public IdentityVerification {
    Objects.requireNonNull(state, "state");
    if (state == IdentityState.UNVERIFIED) {
      throw new IllegalArgumentException("a submission is PENDING, VERIFIED or REJECTED");
    }
    rejectionReason = rejectionReason == null ? "" : rejectionReason;
  }

  public boolean pending() {
    return state == IdentityState.PENDING;
  }
}
