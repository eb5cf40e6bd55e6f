package io.resourceplans.storage.event;

import io.resourceplans.domain.event.AccountEventRepository;
import io.resourceplans.storage.db.FeatureRepositories;

/** The account event log's repository (see {@link FeatureRepositories}). */
public final class AccountEventRepositories implements FeatureRepositories {
  @Override
  public void register(Registry registry) {
    registry.add(
        AccountEventRepository.class, c -> new JdbiAccountEventRepository(c.dao(AccountEventDao.class), c.engine()));
  }
}
