package io.resourceplans.storage.region;

import io.resourceplans.domain.region.RegionRepository;
import io.resourceplans.storage.db.FeatureRepositories;

/** The region feature's repositories (see {@link FeatureRepositories}). */
public final class RegionRepositories implements FeatureRepositories {
  @Override
  public void register(Registry registry) {
    registry.add(RegionRepository.class, c -> new SqlRegionRepository(c.sql()));
  }
}
