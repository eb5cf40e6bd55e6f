package io.resourceplans.domain.identity;

import io.resourceplans.domain.account.IdentityState;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import java.time.Instant;
import java.util.Optional;

/** Identity verification submissions, owned by their account. */
public interface IdentityVerificationRepository {
  void insert(IdentityVerification verification);

  /** The account's most recent submission. */
  Optional<IdentityVerification> latest(String accountId);

  Optional<IdentityVerification> find(String accountId, String identityVerificationId);

  /** Operator look-up by ID alone: the operator reviews submissions of every account. */
  Optional<IdentityVerification> findAnyAccount(String identityVerificationId);

  /**
   * Operator listing across accounts, oldest first (submit time, then ID); {@code accountId} null
   * lists every account's submissions.
   */
  Page<IdentityVerification> list(IdentityState state, String accountId, PageRequest page);

  /** Records the review of a submission. */
  void review(
      String accountId,
      String identityVerificationId,
      IdentityState state,
      String rejectionReason,
      Instant reviewTime);
}
