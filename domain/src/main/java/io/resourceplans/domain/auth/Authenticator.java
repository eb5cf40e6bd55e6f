package io.resourceplans.domain.auth;

import io.resourceplans.domain.account.SubUserRepository;
import io.resourceplans.domain.account.ApiKey;
import io.resourceplans.domain.account.ApiKeyRepository;
import io.resourceplans.domain.account.SubUser;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.domain.tx.Tx;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Turns a bearer token into the calling principal, or refuses it. */
public final class Authenticator {
  private final List<byte[]> operatorKeyHashes;
  private final Transactor transactor;
  private final PrincipalCache cache;

  public Authenticator(String operatorKey, Transactor transactor, PrincipalCache cache) {
    this(operatorKey, Optional.empty(), transactor, cache);
  }

  /** With a previous operator key that is still accepted (during a key rotation). */
  public Authenticator(
      String operatorKey, Optional<String> previousOperatorKey, Transactor transactor, PrincipalCache cache) {
    List<byte[]> hashes = new ArrayList<>();
    hashes.add(ApiKeyToken.hash(operatorKey));
    previousOperatorKey.ifPresent(previous -> hashes.add(ApiKeyToken.hash(previous)));
    this.operatorKeyHashes = List.copyOf(hashes);
    this.transactor = transactor;
    this.cache = cache;
  }

  /** Call after a change to the account's keys or sub-user permissions has committed. */
  public void credentialsChanged(String accountId) {
    cache.forgetAccount(accountId);
  }

  public Principal authenticate(String token) {
    if (token == null || token.isBlank()) {
      throw new DomainException(
          ErrorCode.API_KEY_MISSING, "send 'authorization: Bearer <api key>' metadata");
    }
    byte[] hash = ApiKeyToken.hash(token);
    boolean operator = false;
    for (byte[] operatorKeyHash : operatorKeyHashes) {
      operator |= MessageDigest.isEqual(hash, operatorKeyHash); // each compared, in constant time
    }
    if (operator) {
      return Principal.operator();
    }
    String cacheKey = Base64.getEncoder().encodeToString(hash);
    Optional<Principal> cached = cache.get(cacheKey);
    if (cached.isPresent()) {
      return cached.get();
    }
    // Only keys that work are cached: a stream of bad keys cannot push good ones out.
    Principal principal =
        ApiKeyToken.parse(token)
            .flatMap(ref -> transactor.readOnly(tx -> resolve(tx, ref, token)))
            .orElseThrow(
                () -> new DomainException(ErrorCode.API_KEY_INVALID, "the API key is not valid"));
    cache.put(cacheKey, principal);
    return principal;
  }

  private static Optional<Principal> resolve(Tx tx, ApiKeyToken.KeyRef ref, String token) {
    Optional<ApiKeyRepository.Credential> credential =
        tx.get(ApiKeyRepository.class).findCredential(ref.accountId(), ref.apiKeyId());
    if (credential.isEmpty()
        || credential.get().key().revoked()
        || !ApiKeyToken.matches(token, credential.get().secretHash())) {
      return Optional.empty();
    }
    ApiKey key = credential.get().key();
    if (key.subUserId() == null) {
      return Optional.of(Principal.mainAccount(key.accountId(), key.apiKeyId()));
    }
    return tx.get(SubUserRepository.class)
        .find(key.accountId(), key.subUserId())
        .map(SubUser::permissions)
        .map(perms -> Principal.subUser(key.accountId(), key.subUserId(), perms, key.apiKeyId()));
  }
}
