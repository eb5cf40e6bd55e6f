package io.resourceplans.domain.identity;

import javax.inject.Inject;
import javax.inject.Singleton;
import io.resourceplans.domain.account.AccountRepository;
import io.resourceplans.domain.account.Account;
import io.resourceplans.domain.account.IdentityState;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.common.Ids;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.tx.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Identity (real-name) verification: an account submits, an operator approves or rejects. The
 * account's identity state is what the purchase and activation rules read; submissions are the
 * history behind it. Both change together, under a lock on the account row, so two concurrent
 * submissions or reviews cannot both pass their checks.
 */
@Singleton
public final class IdentityVerificationService {
  private final Clock clock;

  @Inject
  public IdentityVerificationService(Clock clock) {
    this.clock = clock;
  }

  /** A result of a review: the submission and the account after it. */
  public record Reviewed(IdentityVerification verification, Account account) {}

  public IdentityVerification submit(Tx tx, Principal caller, NewIdentityVerification request) {
    String accountId = caller.requireMainAccount();
    if (request.legalName().isBlank()) {
      throw DomainException.invalid("legal_name", "must not be blank");
    }
    Account account = lockAccount(tx, accountId);
    switch (account.identityState()) {
      case VERIFIED -> throw new DomainException(
          ErrorCode.IDENTITY_ALREADY_VERIFIED, "the account's identity is already verified");
      case PENDING -> throw new DomainException(
          ErrorCode.IDENTITY_VERIFICATION_PENDING,
          "an identity verification is already waiting for review");
      case UNVERIFIED, REJECTED -> { }
    }
    IdentityVerification submitted =
        new IdentityVerification(
            accountId,
            Ids.newId("idv"),
            request.subjectType(),
            request.legalName(),
            DocumentNumbers.mask(request.documentNumber()),
            IdentityState.PENDING,
            "",
            Times.now(clock),
            null);
    tx.get(IdentityVerificationRepository.class).insert(submitted);
    tx.get(AccountRepository.class).updateIdentityState(accountId, IdentityState.PENDING);
    return submitted;
  }

  /** The caller's latest submission. */
  public IdentityVerification latest(Tx tx, Principal caller) {
    String accountId = caller.requireMainAccount();
    return tx.get(IdentityVerificationRepository.class)
        .latest(accountId)
        .orElseThrow(
            () ->
                new DomainException(
                    ErrorCode.IDENTITY_VERIFICATION_NOT_FOUND,
                    "no identity verification has been submitted yet"));
  }

  /** The operator's review queue (state PENDING) or history; {@code accountId} null = all. */
  public Page<IdentityVerification> list(
      Tx tx, Principal caller, IdentityState state, String accountId, PageRequest page) {
    caller.requireOperator();
    if (state == IdentityState.UNVERIFIED) {
      throw DomainException.invalid("state", "submissions are PENDING, VERIFIED or REJECTED");
    }
    return tx.get(IdentityVerificationRepository.class).list(state, accountId, page);
  }

  /** Approving makes the account VERIFIED; rejecting makes it REJECTED, free to submit again. */
  public Reviewed review(
      Tx tx,
      Principal caller,
      String identityVerificationId,
      IdentityReviewDecision decision,
      String rejectionReason) {
    caller.requireOperator();
    boolean rejecting = decision == IdentityReviewDecision.REJECT;
    if (rejecting == (rejectionReason == null || rejectionReason.isBlank())) {
      throw DomainException.invalid(
          "rejection_reason", "is required when rejecting, and must be empty when approving");
    }
    String accountId =
        tx.get(IdentityVerificationRepository.class)
            .findAnyAccount(identityVerificationId)
            .orElseThrow(() -> notFound(identityVerificationId))
            .accountId();
    lockAccount(tx, accountId);
    // Read again under the lock: a concurrent review may have decided it meanwhile.
    IdentityVerification current =
        tx.get(IdentityVerificationRepository.class)
            .find(accountId, identityVerificationId)
            .orElseThrow(() -> notFound(identityVerificationId));
    if (!current.pending()) {
      throw new DomainException(
          ErrorCode.IDENTITY_VERIFICATION_NOT_PENDING,
          "identity verification " + identityVerificationId + " was already reviewed",
          Map.of(
              "identity_verification_id", identityVerificationId,
              "identity_verification_state", current.state().name()));
    }
    IdentityState outcome = rejecting ? IdentityState.REJECTED : IdentityState.VERIFIED;
    Instant now = Times.now(clock);
    String reason = rejecting ? rejectionReason : "";
    tx.get(IdentityVerificationRepository.class).review(accountId, identityVerificationId, outcome, reason, now);
    tx.get(AccountRepository.class).updateIdentityState(accountId, outcome);
    IdentityVerification reviewed =
        new IdentityVerification(
            accountId,
            identityVerificationId,
            current.subjectType(),
            current.legalName(),
            current.documentNumberMasked(),
            outcome,
            reason,
            current.submitTime(),
            now);
    return new Reviewed(reviewed, tx.get(AccountRepository.class).find(accountId).orElseThrow());
  }

  private static Account lockAccount(Tx tx, String accountId) {
    return tx.get(AccountRepository.class)
        .findForUpdate(accountId)
        .orElseThrow(() -> DomainException.notFound(ErrorCode.ACCOUNT_NOT_FOUND, "account", accountId));
  }

  private static DomainException notFound(String identityVerificationId) {
    return DomainException.notFound(
        ErrorCode.IDENTITY_VERIFICATION_NOT_FOUND, "identity verification", identityVerificationId);
  }
}
