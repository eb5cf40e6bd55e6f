package io.resourceplans.storage.hold;

import io.resourceplans.domain.hold.HoldRepository;
import io.resourceplans.storage.db.FeatureRepositories;

/** The quota holds' repository (see {@link FeatureRepositories}). */
public final class HoldRepositories implements FeatureRepositories {
  @Override
  public void register(Registry registry) {
    registry.add(HoldRepository.class, c -> new SqlHoldRepository(c.sql()));
  }
}
