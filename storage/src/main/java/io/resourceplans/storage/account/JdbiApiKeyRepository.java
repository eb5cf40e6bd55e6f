package io.resourceplans.storage.account;

import io.resourceplans.domain.account.ApiKey;
import io.resourceplans.domain.account.ApiKeyRepository;
import io.resourceplans.domain.common.Cursor;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import java.time.Instant;
import java.util.Optional;

/** {@link ApiKeyRepository} over {@link ApiKeyDao}. */
public final class JdbiApiKeyRepository implements ApiKeyRepository {
  private final ApiKeyDao dao;

  public JdbiApiKeyRepository(ApiKeyDao dao) {
    this.dao = dao;
  }

  @Override
  public void insert(ApiKey key, byte[] secretHash) {
    dao.insert(ApiKeyRow.of(key, secretHash));
  }

  @Override
  public Optional<ApiKey> find(String accountId, String apiKeyId) {
    return dao.find(accountId, apiKeyId).map(ApiKeyRow::toDomain);
  }

  @Override
  public Optional<Credential> findCredential(String accountId, String apiKeyId) {
    return dao.find(accountId, apiKeyId).map(r -> new Credential(r.toDomain(), r.secretHash()));
  }

  @Override
  public Page<ApiKey> list(String accountId, String subUserId, PageRequest page) {
    Cursor after = page.after().orElse(null);
    var rows =
        dao.list(
            accountId,
            subUserId,
            after == null ? null : after.createTime(),
            after == null ? null : after.id(),
            page.size() + 1);
    return Page.fromOverfetch(
        rows.stream().map(ApiKeyRow::toDomain).toList(),
        page,
        k -> new Cursor(k.createTime(), k.apiKeyId()));
  }

  @Override
  public java.util.List<String> lockActiveMainKeys(String accountId) {
    return dao.lockActiveMainKeys(accountId);
  }

  @Override
  public void revoke(String accountId, String apiKeyId, Instant revokeTime) {
    dao.revoke(accountId, apiKeyId, revokeTime);
  }
}
