package io.resourceplans.storage.idempotency;

import io.resourceplans.domain.idempotency.IdempotencyKey;
import io.resourceplans.domain.idempotency.IdempotencyRepository;
import java.time.Instant;
import java.util.Optional;

/** {@link IdempotencyRepository} over {@link IdempotencyDao}. */
public final class JdbiIdempotencyRepository implements IdempotencyRepository {
  private final IdempotencyDao dao;

  public JdbiIdempotencyRepository(IdempotencyDao dao) {
    this.dao = dao;
  }

  @Override
  public boolean claim(IdempotencyKey key, Instant now) {
    return dao.claim(key.scope(), key.requestId(), key.fingerprint(), now) == 1;
  }

  @Override
  public Optional<Stored> find(String scope, String requestId) {
    return dao.find(scope, requestId).map(r -> new Stored(r.fingerprint(), r.response()));
  }

  @Override
  public void complete(String scope, String requestId, byte[] response) {
    if (dao.complete(scope, requestId, response) != 1) {
      throw new IllegalStateException("completing an idempotency record that was never claimed");
    }
  }
}
