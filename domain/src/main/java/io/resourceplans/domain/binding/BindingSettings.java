package io.resourceplans.domain.binding;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Server settings of marketplace tickets and the vendor binding flow. {@code ticketKey} is the
 * server secret that signs login tickets and keys the verification-code hashes; it is never logged.
 * The password-hash cost is Argon2id memory (KiB) and iterations. {@code previousTicketKey}, during
 * a key rotation, is still accepted for tickets and codes issued under it (never used to sign).
 */
public record BindingSettings(
    byte[] ticketKey,
    Duration ticketTtl,
    Duration codeTtl,
    int codeMaxAttempts,
    Duration codeCooldown,
    int passwordHashMemoryKib,
    int passwordHashIterations,
    int loginMaxFailures,
    Duration loginLockDuration,
    Optional<byte[]> previousTicketKey) {

  public static final Duration DEFAULT_TICKET_TTL = Duration.ofMinutes(5);
  public static final Duration DEFAULT_CODE_TTL = Duration.ofMinutes(10);
  public static final int DEFAULT_CODE_MAX_ATTEMPTS = 5;
  public static final Duration DEFAULT_CODE_COOLDOWN = Duration.ofSeconds(60);
  /** OWASP's Argon2id baseline: 19 MiB, 2 iterations, 1 lane. */
  public static final int DEFAULT_PASSWORD_HASH_MEMORY_KIB = 19_456;
  public static final int DEFAULT_PASSWORD_HASH_ITERATIONS = 2;
  /** Failed vendor log-ins in a row (within the lock duration) that lock the user. */
  public static final int DEFAULT_LOGIN_MAX_FAILURES = 5;
  /** How long a locked vendor user stays locked; also how long a failure is remembered. */
  public static final Duration DEFAULT_LOGIN_LOCK_DURATION = Duration.ofMinutes(15);

  public BindingSettings {
    if (ticketKey.length < 16) {
      throw new IllegalArgumentException("the ticket key must have at least 16 bytes");
    }
    if (loginMaxFailures < 1) {
      throw new IllegalArgumentException("the log-in failure limit must be at least 1");
    }
    if (loginLockDuration.isNegative() || loginLockDuration.isZero()) {
      throw new IllegalArgumentException("the log-in lock duration must be positive");
    }
    ticketKey = ticketKey.clone();
    Objects.requireNonNull(previousTicketKey, "previousTicketKey");
    if (previousTicketKey.isPresent() && previousTicketKey.get().length < 16) {
      throw new IllegalArgumentException("the previous ticket key must have at least 16 bytes");
    }
    previousTicketKey = previousTicketKey.map(byte[]::clone);
  }

  /** Without a previous ticket key. */
  public BindingSettings(
      byte[] ticketKey,
      Duration ticketTtl,
      Duration codeTtl,
      int codeMaxAttempts,
      Duration codeCooldown,
      int passwordHashMemoryKib,
      int passwordHashIterations,
      int loginMaxFailures,
      Duration loginLockDuration) {
    this(ticketKey, ticketTtl, codeTtl, codeMaxAttempts, codeCooldown, passwordHashMemoryKib,
        passwordHashIterations, loginMaxFailures, loginLockDuration, Optional.empty());
  }

  /** The keys tickets and codes are checked with: the current one first, then the previous one. */
  public java.util.List<byte[]> acceptedTicketKeys() {
    return previousTicketKey.isPresent() ? java.util.List.of(ticketKey(), previousTicketKey.get().clone()) : java.util.List.of(ticketKey());
  }

  @Override
  public Optional<byte[]> previousTicketKey() {
    return previousTicketKey.map(byte[]::clone);
  }

  public static BindingSettings defaults(byte[] ticketKey) {
    return new BindingSettings(
        ticketKey, DEFAULT_TICKET_TTL, DEFAULT_CODE_TTL, DEFAULT_CODE_MAX_ATTEMPTS, DEFAULT_CODE_COOLDOWN,
        DEFAULT_PASSWORD_HASH_MEMORY_KIB, DEFAULT_PASSWORD_HASH_ITERATIONS, DEFAULT_LOGIN_MAX_FAILURES,
        DEFAULT_LOGIN_LOCK_DURATION);
  }

  @Override
  public byte[] ticketKey() {
    return ticketKey.clone();
  }

  @Override
  public String toString() {
    return "BindingSettings[ticketKey=****, previousTicketKey=" + previousTicketKey.map(k -> "****").orElse("(none)")
        + ", ticketTtl=" + ticketTtl + ", codeTtl=" + codeTtl
        + ", codeMaxAttempts=" + codeMaxAttempts + ", codeCooldown=" + codeCooldown
        + ", loginMaxFailures=" + loginMaxFailures + ", loginLockDuration=" + loginLockDuration + "]";
  }
}
