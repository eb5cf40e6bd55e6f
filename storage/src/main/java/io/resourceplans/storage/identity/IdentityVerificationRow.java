package io.resourceplans.storage.identity;

import io.resourceplans.domain.account.IdentityState;
import io.resourceplans.domain.identity.IdentitySubjectType;
import io.resourceplans.domain.identity.IdentityVerification;
import java.time.Instant;

/** A row of {@code identity_verifications}. */
public record IdentityVerificationRow(
    String accountId,
    String identityVerificationId,
    String subjectType,
    String legalName,
    String documentNumberMasked,
    String state,
    String rejectionReason,
    Instant submitTime,
    Instant reviewTime) {

  static IdentityVerificationRow of(IdentityVerification v) {
    return new IdentityVerificationRow(
        v.accountId(),
        v.identityVerificationId(),
        v.subjectType().name(),
        v.legalName(),
        v.documentNumberMasked(),
        v.state().name(),
        v.rejectionReason(),
        v.submitTime(),
        v.reviewTime());
  }

  IdentityVerification toDomain() {
    return new IdentityVerification(
        accountId,
        identityVerificationId,
        IdentitySubjectType.valueOf(subjectType),
        legalName,
        documentNumberMasked,
        IdentityState.valueOf(state),
        rejectionReason,
        submitTime,
        reviewTime);
  }
}
