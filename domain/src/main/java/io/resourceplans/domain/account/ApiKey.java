package io.resourceplans.domain.account;

import java.time.Instant;
import java.util.Optional;

/**
 * An API key's public facts. The secret itself is never stored; see {@code ApiKeyToken}.
 * {@code subUserId} is null for a main-account key; {@code revokeTime} is null while it works.
 */
public record ApiKey(
    String accountId,
    String apiKeyId,
    String subUserId,
    String displayName,
    String secretPrefix,
    Instant createTime,
    Instant revokeTime) {

  public boolean revoked() {
    return revokeTime != null;
  }

  public Optional<String> subUser() {
    return Optional.ofNullable(subUserId);
  }
}
