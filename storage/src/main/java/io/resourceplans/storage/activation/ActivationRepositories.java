package io.resourceplans.storage.activation;

import io.resourceplans.domain.activation.ActivationRepository;
import io.resourceplans.storage.db.FeatureRepositories;

/** The activation feature's repositories (see {@link FeatureRepositories}). */
public final class ActivationRepositories implements FeatureRepositories {
  @Override
  public void register(Registry registry) {
    registry.add(ActivationRepository.class, c -> new SqlActivationRepository(c.sql()));
  }
}
