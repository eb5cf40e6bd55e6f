package io.resourceplans.domain.binding;

import java.time.Instant;
import java.util.Optional;

/** The current verification code per email and purpose. */
public interface VerificationCodeRepository {
  /**
   * Stores the code, replacing the current one, unless the current one was sent after {@code
   * cooledDownBefore} (then nothing changes and false is returned). Atomic: of two concurrent sends
   * inside the cooldown, one wins.
   */
  boolean replaceIfCooledDown(VerificationCode code, Instant cooledDownBefore);

  Optional<VerificationCode> find(String email, CodePurpose purpose);

  /** Reads the code and locks its row until the transaction ends. */
  Optional<VerificationCode> findForUpdate(String email, CodePurpose purpose);

  /** Counts a wrong attempt against that code (nothing if it was replaced meanwhile). */
  void addFailedAttempt(String email, CodePurpose purpose, String codeId);

  void markUsed(String email, CodePurpose purpose, String codeId, Instant useTime);
}
