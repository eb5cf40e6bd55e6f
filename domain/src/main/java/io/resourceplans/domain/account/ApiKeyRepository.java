package io.resourceplans.domain.account;

import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import java.time.Instant;
import java.util.Optional;

/** API keys and their secret hashes; every method is scoped by the owning account. */
public interface ApiKeyRepository {
  /** A key with the hash of its secret, as needed to authenticate a call. */
  record Credential(ApiKey key, byte[] secretHash) {}

  void insert(ApiKey key, byte[] secretHash);

  Optional<ApiKey> find(String accountId, String apiKeyId);

  Optional<Credential> findCredential(String accountId, String apiKeyId);

  /** Oldest first; {@code subUserId} null lists every key of the account. */
  Page<ApiKey> list(String accountId, String subUserId, PageRequest page);

  /**
   * IDs of the account's unrevoked main-account keys, locked until the transaction ends so that two
   * concurrent revocations cannot both think another main key remains.
   */
  java.util.List<String> lockActiveMainKeys(String accountId);

  /** Sets the revoke time if not yet revoked. */
  void revoke(String accountId, String apiKeyId, Instant revokeTime);
}
