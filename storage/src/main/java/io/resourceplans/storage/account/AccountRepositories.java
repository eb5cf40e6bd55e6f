package io.resourceplans.storage.account;

import io.resourceplans.domain.account.AccountRepository;
import io.resourceplans.domain.account.ApiKeyRepository;
import io.resourceplans.domain.account.SubUserRepository;
import io.resourceplans.storage.db.FeatureRepositories;

/** The account feature's repositories (see {@link FeatureRepositories}). */
public final class AccountRepositories implements FeatureRepositories {
  @Override
  public void register(Registry registry) {
    registry.add(AccountRepository.class, c -> new JdbiAccountRepository(c.dao(AccountDao.class)));
    registry.add(SubUserRepository.class, c -> new JdbiSubUserRepository(c.dao(SubUserDao.class)));
    registry.add(ApiKeyRepository.class, c -> new JdbiApiKeyRepository(c.dao(ApiKeyDao.class)));
  }
}
