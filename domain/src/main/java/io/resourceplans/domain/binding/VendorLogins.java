package io.resourceplans.domain.binding;

import javax.inject.Inject;
import javax.inject.Singleton;
import io.resourceplans.domain.common.HmacSha256;
import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.tx.Tx;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a vendor user's password, with a lock after repeated failures.
 *
 * <p>Failures are counted per login key: the vendor user's ID (so the username and the email
 * share one count) or, for a name that is no user, an HMAC of the name under a key derived from
 * the ticket key (no typed name is stored, and an unknown name fails and locks exactly as a real
 * one). An attempt is counted as a failure before its password is compared, in a short committed
 * transaction under the key's row lock ({@link #begin}); the Argon2id comparison then runs outside
 * any transaction ({@link #passwordMatches}), holding no lock and no pooled connection, and a right
 * password clears the count afterwards ({@link #succeeded}). So however many attempts arrive at
 * once, at most {@code maxFailures} passwords are compared before the lock, and a burst of guesses
 * cannot tie up the database pool for the length of a hash each. An unknown name is compared
 * against a dummy hash of the same cost, so the time taken does not tell either.
 *
 * <p>The lock: after {@code maxFailures} attempts in a row that did not succeed, none older than
 * the lock duration, the key is locked for the lock duration; while locked every attempt, right
 * password or wrong, is refused LOGIN_LOCKED (with the time left) and no password is compared.
 */
@Singleton
public final class VendorLogins {
  private static final int PURGE_BATCH = 50;

  private final Clock clock;
  private final PasswordHasher passwords;
  private final byte[] nameKey;
  private final int maxFailures;
  private final Duration lockDuration;
  // Compared against for a name that is no user: same cost, matches no password.
  private final String dummyHash;

  @Inject
  public VendorLogins(Clock clock, PasswordHasher passwords, BindingSettings settings) {
    this.clock = clock;
    this.passwords = passwords;
    this.nameKey = HmacSha256.derive(settings.ticketKey(), "vendor-login-name");
    this.maxFailures = settings.loginMaxFailures();
    this.lockDuration = settings.loginLockDuration();
    this.dummyHash = passwords.unmatchable();
  }

  /** An attempt counted and not yet decided: its login key and the user the name names, if any. */
  public record Attempt(String loginKey, Optional<VendorUser> user) {}

  /**
   * Step 1, in a transaction of its own that the caller commits before step 2: counts the attempt
   * as a failure (locking the key when it reaches the limit). Throws LOGIN_LOCKED while the key is
   * locked.
   */
  public Attempt begin(Tx tx, String login) {
    Instant now = Times.now(clock);
    Optional<VendorUser> user = tx.get(VendorUserRepository.class).findByLogin(login.trim());
    String key = user.map(VendorUser::vendorUserId).orElseGet(() -> nameKey(login));
    LoginAttempt attempt = tx.get(LoginAttemptRepository.class).lock(key);
    if (attempt.lockedAt(now)) {
      throw locked(now, attempt.lockedUntil());
    }
    boolean forgotten =
        attempt.lastFailureTime() == null
            || !attempt.lastFailureTime().isAfter(now.minus(lockDuration))
            || attempt.lockedUntil() != null;
    int failures = (forgotten ? 0 : attempt.failures()) + 1;
    if (failures >= maxFailures) {
      tx.get(LoginAttemptRepository.class).update(new LoginAttempt(key, 0, now, now.plus(lockDuration)));
    } else {
      tx.get(LoginAttemptRepository.class).update(new LoginAttempt(key, failures, now, null));
    }
    tx.get(LoginAttemptRepository.class).purgeStale(now.minus(lockDuration), now, PURGE_BATCH);
    return new Attempt(key, user);
  }

  /** Step 2, outside any transaction: whether the name is a user and the password is its own. */
  public boolean passwordMatches(Attempt attempt, String password) {
    boolean right = passwords.verify(password, attempt.user().map(VendorUser::passwordHash).orElse(dummyHash));
    return right && attempt.user().isPresent();
  }

  /** Step 3, after a right password: the count (and any lock this attempt set) is cleared. */
  public void succeeded(Tx tx, Attempt attempt) {
    tx.get(LoginAttemptRepository.class).delete(attempt.loginKey());
  }

  /** The one refusal of a wrong password and of an unknown name. */
  public static DomainException refused() {
    return new DomainException(
        ErrorCode.LOGIN_CREDENTIALS_INVALID, "the username or email, or the password, is wrong", Map.of());
  }

  private static DomainException locked(Instant now, Instant until) {
    long seconds = Times.wholeSecondsUntil(now, until);
    return new DomainException(
        ErrorCode.LOGIN_LOCKED,
        "too many failed log-ins; log-in is locked, retry in " + seconds + " s",
        Map.of(DomainException.RETRY_DELAY_SECONDS, Long.toString(seconds), "unlock_time", until.toString()));
  }

  private String nameKey(String login) {
    byte[] mac = HmacSha256.of(nameKey, login.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    return "name:" + HexFormat.of().formatHex(mac);
  }

}
