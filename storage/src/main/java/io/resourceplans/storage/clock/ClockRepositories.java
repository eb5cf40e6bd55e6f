package io.resourceplans.storage.clock;

import io.resourceplans.domain.clock.TestClockRepository;
import io.resourceplans.storage.db.FeatureRepositories;

/** The clock feature's repositories (see {@link FeatureRepositories}). */
public final class ClockRepositories implements FeatureRepositories {
  @Override
  public void register(Registry registry) {
    registry.add(TestClockRepository.class, c -> new JdbiTestClockRepository(c.dao(TestClockDao.class)));
  }
}
