package io.resourceplans.domain.auth;

import java.time.Duration;

/**
 * @param principalCacheTtl how long a server replica trusts an API key it has already checked: a
 *     revocation or permission change made through another replica takes effect here within it
 */
public record AuthSettings(Duration principalCacheTtl) {
  public static final Duration DEFAULT_PRINCIPAL_CACHE_TTL = Duration.ofSeconds(5);

  public AuthSettings {
    if (principalCacheTtl.isNegative()) {
      throw new IllegalArgumentException("principalCacheTtl must not be negative");
    }
  }
}
