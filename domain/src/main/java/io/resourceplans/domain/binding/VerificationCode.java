package io.resourceplans.domain.binding;

import java.time.Instant;

/**
 * The current code for an email (lower case) and purpose, sent in the flow of {@code
 * cloudAccountId}. Only its hash is kept; {@code useTime} is set once it was accepted.
 */
public record VerificationCode(
    String email,
    CodePurpose purpose,
    String codeId,
    String cloudAccountId,
    String codeHash,
    int attempts,
    Instant sendTime,
    Instant expireTime,
    Instant useTime) {}
