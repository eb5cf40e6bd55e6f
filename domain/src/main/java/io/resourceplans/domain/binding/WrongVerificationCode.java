package io.resourceplans.domain.binding;

import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import java.util.Map;

/**
 * A wrong code was tried. The refusal rolls its transaction back, so whoever catches it counts the
 * attempt in a transaction of its own ({@link VerificationCodes#recordFailedAttempt}).
 */
public final class WrongVerificationCode extends DomainException {
  private static final long serialVersionUID = 1L;

  private final String email;
  private final CodePurpose purpose;
  private final String codeId;

  WrongVerificationCode(String email, CodePurpose purpose, String codeId) {
    super(
        ErrorCode.VERIFICATION_CODE_INVALID,
        "the verification code is wrong",
        Map.of("purpose", purpose.name()));
    this.email = email;
    this.purpose = purpose;
    this.codeId = codeId;
  }

  String email() {
    return email;
  }

  CodePurpose purpose() {
    return purpose;
  }

  String codeId() {
    return codeId;
  }
}
