package io.resourceplans.domain.binding;

import java.time.Instant;

/**
 * The failed log-ins of one login key (a vendor user ID, or an HMAC of a name that is no user).
 * {@code lastFailureTime} and {@code lockedUntil} are null when there is none.
 */
public record LoginAttempt(String loginKey, int failures, Instant lastFailureTime, Instant lockedUntil) {
  public boolean lockedAt(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }
}
