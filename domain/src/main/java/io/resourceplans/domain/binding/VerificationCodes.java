package io.resourceplans.domain.binding;

import javax.inject.Inject;
import javax.inject.Singleton;
import io.resourceplans.domain.common.HmacSha256;
import io.resourceplans.domain.common.Ids;
import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.tx.Tx;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Email verification codes: 6 random digits, kept only as an HMAC-SHA256 under a key derived from
 * the server's ticket key (a database copy alone does not reveal them), valid for a while, for a
 * limited number of attempts, with a resend cooldown per email and purpose. A code is accepted only
 * in the flow of the cloud account it was sent for, and only once.
 */
@Singleton
public final class VerificationCodes {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Clock clock;
  private final VerificationCodeMailer mailer;
  /** The current key first (codes are hashed with it), then a previous one still accepted. */
  private final List<byte[]> hashKeys;
  private final Duration ttl;
  private final int maxAttempts;
  private final Duration cooldown;

  @Inject
  public VerificationCodes(Clock clock, VerificationCodeMailer mailer, BindingSettings settings) {
    this.clock = clock;
    this.mailer = mailer;
    this.hashKeys = settings.acceptedTicketKeys().stream().map(k -> HmacSha256.derive(k, "verification-code")).toList();
    this.ttl = settings.codeTtl();
    this.maxAttempts = settings.codeMaxAttempts();
    this.cooldown = settings.codeCooldown();
  }

  /** Replaces the current code of the email and purpose and mails the new one. */
  public SentCode send(Tx tx, String cloudAccountId, String email, CodePurpose purpose) {
    Instant now = Times.now(clock);
    String key = normalize(email);
    String code = String.format("%06d", RANDOM.nextInt(1_000_000));
    String codeId = Ids.newId("vcd");
    VerificationCode stored =
        new VerificationCode(key, purpose, codeId, cloudAccountId, hash(hashKeys.get(0), codeId, code), 0, now, now.plus(ttl), null);
    if (!tx.get(VerificationCodeRepository.class).replaceIfCooledDown(stored, now.minus(cooldown))) {
      Instant resend =
          tx.get(VerificationCodeRepository.class).find(key, purpose).map(c -> c.sendTime().plus(cooldown)).orElse(now.plus(cooldown));
      long seconds = Times.wholeSecondsUntil(now, resend);
      throw new DomainException(
          ErrorCode.VERIFICATION_CODE_COOLDOWN,
          "a code was sent to this email moments ago; retry in " + seconds + " s",
          Map.of(DomainException.RETRY_DELAY_SECONDS, Long.toString(seconds)));
    }
    mailer.queue(tx, cloudAccountId, email, purpose, code, codeId, ttl, now);
    return new SentCode(mask(email), stored.expireTime(), now.plus(cooldown));
  }

  /**
   * Accepts the code once, in the flow of {@code cloudAccountId}. Refuses VERIFICATION_CODE_INVALID
   * (none sent, replaced, used, other flow, or wrong),
   * VERIFICATION_CODE_ATTEMPTS_EXCEEDED (checked first: even the right code is refused then) and
   * VERIFICATION_CODE_EXPIRED.
   */
  public void consume(Tx tx, String cloudAccountId, String email, CodePurpose purpose, String code) {
    Instant now = Times.now(clock);
    String key = normalize(email);
    Optional<VerificationCode> found = tx.get(VerificationCodeRepository.class).findForUpdate(key, purpose);
    if (found.isEmpty() || found.get().useTime() != null || !found.get().cloudAccountId().equals(cloudAccountId)) {
      throw new DomainException(
          ErrorCode.VERIFICATION_CODE_INVALID,
          "no code was sent to this email for this purpose, or it was used already; send a new one",
          Map.of("purpose", purpose.name()));
    }
    VerificationCode current = found.get();
    if (current.attempts() >= maxAttempts) {
      throw new DomainException(
          ErrorCode.VERIFICATION_CODE_ATTEMPTS_EXCEEDED,
          "too many wrong codes; the code is void, send a new one",
          Map.of("purpose", purpose.name()));
    }
    if (!now.isBefore(current.expireTime())) {
      throw new DomainException(
          ErrorCode.VERIFICATION_CODE_EXPIRED,
          "the verification code has expired; send a new one",
          Map.of("purpose", purpose.name()));
    }
    if (!matches(current, code)) {
      // Weighed and counted before this transaction (countWrongGuess): reached only when the code
      // was replaced in between.
      throw wrongGuess(purpose);
    }
    tx.get(VerificationCodeRepository.class).markUsed(key, purpose, current.codeId(), now);
  }

  /**
   * Weighs a guess in a transaction of its own, committed before the request's transaction starts:
   * under the code's row lock, a wrong guess at a live code of this flow is counted. However many
   * guesses arrive at once, each sees the count the one before it committed, so at most
   * {@code maxAttempts} guesses are ever compared. True when the guess was wrong and is now
   * counted (the caller refuses it, {@link #wrongGuess}). Every other case (no code, replaced,
   * used, another flow, void, expired, or right) is left to {@link #consume} in the request's
   * transaction, which refuses it with its reason, or lets an idempotent replay through.
   */
  public boolean countWrongGuess(Tx tx, String cloudAccountId, String email, CodePurpose purpose, String code) {
    Instant now = Times.now(clock);
    String key = normalize(email);
    Optional<VerificationCode> found = tx.get(VerificationCodeRepository.class).findForUpdate(key, purpose);
    if (found.isEmpty()) {
      return false;
    }
    VerificationCode current = found.get();
    boolean live =
        current.useTime() == null
            && current.cloudAccountId().equals(cloudAccountId)
            && current.attempts() < maxAttempts
            && now.isBefore(current.expireTime());
    if (!live || matches(current, code)) {
      return false;
    }
    tx.get(VerificationCodeRepository.class).addFailedAttempt(key, purpose, current.codeId());
    return true;
  }

  /** The refusal of a wrong guess counted by {@link #countWrongGuess}. */
  public static DomainException wrongGuess(CodePurpose purpose) {
    return new DomainException(
        ErrorCode.VERIFICATION_CODE_INVALID, "the verification code is wrong", Map.of("purpose", purpose.name()));
  }

  private boolean matches(VerificationCode current, String code) {
    byte[] expected = current.codeHash().getBytes(StandardCharsets.US_ASCII);
    boolean matches = false;
    for (byte[] hashKey : hashKeys) {
      matches |= MessageDigest.isEqual(expected, hash(hashKey, current.codeId(), code).getBytes(StandardCharsets.US_ASCII));
    }
    return matches;
  }

  static String normalize(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  /** {@code j***@example.com}: the first character of the local part, then stars. */
  static String mask(String email) {
    int at = email.lastIndexOf('@');
    if (at <= 0) {
      return "***";
    }
    return email.charAt(0) + "***" + email.substring(at);
  }

  private static String hash(byte[] hashKey, String codeId, String code) {
    return HexFormat.of().formatHex(HmacSha256.of(hashKey, (codeId + "|" + code).getBytes(StandardCharsets.UTF_8)));
  }

}
