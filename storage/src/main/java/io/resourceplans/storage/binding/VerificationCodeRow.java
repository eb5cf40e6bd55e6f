package io.resourceplans.storage.binding;

import io.resourceplans.domain.binding.CodePurpose;
import io.resourceplans.domain.binding.VerificationCode;
import java.time.Instant;

/** A row of {@code verification_codes}. */
public record VerificationCodeRow(
    String email,
    String purpose,
    String codeId,
    String cloudAccountId,
    String codeHash,
    int attempts,
    Instant sendTime,
    Instant expireTime,
    Instant useTime) {

  static VerificationCodeRow of(VerificationCode c) {
    return new VerificationCodeRow(
        c.email(), c.purpose().name(), c.codeId(), c.cloudAccountId(), c.codeHash(), c.attempts(), c.sendTime(),
        c.expireTime(), c.useTime());
  }

  VerificationCode toDomain() {
    return new VerificationCode(
        email, CodePurpose.valueOf(purpose), codeId, cloudAccountId, codeHash, attempts, sendTime, expireTime, useTime);
  }
}
