package io.resourceplans.storage.marketplace;

import io.resourceplans.domain.marketplace.LoginTicketRepository;
import io.resourceplans.domain.marketplace.MarketplaceInstanceRepository;
import io.resourceplans.storage.db.FeatureRepositories;

/** The marketplace feature's repositories (see {@link FeatureRepositories}). */
public final class MarketplaceRepositories implements FeatureRepositories {
  @Override
  public void register(Registry registry) {
    registry.add(MarketplaceInstanceRepository.class, c -> new JdbiMarketplaceInstanceRepository(c.dao(MarketplaceInstanceDao.class)));
    registry.add(LoginTicketRepository.class, c -> new JdbiLoginTicketRepository(c.dao(LoginTicketDao.class)));
  }
}
