package io.resourceplans.storage.identity;

import io.resourceplans.domain.identity.IdentityVerificationRepository;
import io.resourceplans.storage.db.FeatureRepositories;

/** The identity feature's repositories (see {@link FeatureRepositories}). */
public final class IdentityRepositories implements FeatureRepositories {
  @Override
  public void register(Registry registry) {
    registry.add(IdentityVerificationRepository.class, c -> new JdbiIdentityVerificationRepository(c.dao(IdentityVerificationDao.class)));
  }
}
