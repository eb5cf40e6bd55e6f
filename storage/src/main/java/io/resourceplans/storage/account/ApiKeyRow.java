package io.resourceplans.storage.account;

import io.resourceplans.domain.account.ApiKey;
import java.time.Instant;

/** A row of {@code api_keys}. */
public record ApiKeyRow(
    String accountId,
    String apiKeyId,
    String subUserId,
    String displayName,
    String secretPrefix,
    byte[] secretHash,
    Instant createTime,
    Instant revokeTime) {

  static ApiKeyRow of(ApiKey k, byte[] secretHash) {
    return new ApiKeyRow(
        k.accountId(),
        k.apiKeyId(),
        k.subUserId(),
        k.displayName(),
        k.secretPrefix(),
        secretHash,
        k.createTime(),
        k.revokeTime());
  }

  ApiKey toDomain() {
    return new ApiKey(
        accountId, apiKeyId, subUserId, displayName, secretPrefix, createTime, revokeTime);
  }
}
