package io.resourceplans.storage.terms;

import io.resourceplans.domain.terms.TermsAcceptanceRepository;
import io.resourceplans.domain.terms.TermsRepository;
import io.resourceplans.storage.db.FeatureRepositories;

/** The terms feature's repositories (see {@link FeatureRepositories}). */
public final class TermsRepositories implements FeatureRepositories {
  @Override
  public void register(Registry registry) {
    registry.add(TermsRepository.class, c -> new JdbiTermsRepository(c.dao(TermsDao.class)));
    registry.add(TermsAcceptanceRepository.class, c -> new JdbiTermsAcceptanceRepository(c.dao(TermsAcceptanceDao.class)));
  }
}
