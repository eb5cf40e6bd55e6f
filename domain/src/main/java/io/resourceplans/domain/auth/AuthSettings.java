package io.resourceplans.domain.auth;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * @param principalCacheTtl how long a server replica trusts an API key it has already checked: a
 *     revocation or permission change made through another replica takes effect here within it
 * @param previousOperatorKey an operator key accepted besides the current one, while callers move
 *     to a new key (a rotation without a moment where either key fails)
 */
public record AuthSettings(Duration principalCacheTtl, Optional<String> previousOperatorKey) {
  public static final Duration DEFAULT_PRINCIPAL_CACHE_TTL = Duration.ofSeconds(5);

  public AuthSettings {
    if (principalCacheTtl.isNegative()) {
      throw new IllegalArgumentException("principalCacheTtl must not be negative");
    }
    Objects.requireNonNull(previousOperatorKey, "previousOperatorKey");
  }

  /** Without a previous operator key. */
  public AuthSettings(Duration principalCacheTtl) {
    this(principalCacheTtl, Optional.empty());
  }

  @Override
  public String toString() {
    return "AuthSettings[principalCacheTtl=" + principalCacheTtl + ", previousOperatorKey="
        + previousOperatorKey.map(k -> "****").orElse("(none)") + "]";
  }
}
