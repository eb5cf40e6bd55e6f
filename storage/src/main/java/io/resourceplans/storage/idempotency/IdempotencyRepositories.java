package io.resourceplans.storage.idempotency;

import io.resourceplans.domain.idempotency.IdempotencyRepository;
import io.resourceplans.storage.db.FeatureRepositories;

/** The idempotency feature's repositories (see {@link FeatureRepositories}). */
public final class IdempotencyRepositories implements FeatureRepositories {
  @Override
  public void register(Registry registry) {
    registry.add(IdempotencyRepository.class, c -> new SqlIdempotencyRepository(c.sql(), c.engine()));
  }
}
