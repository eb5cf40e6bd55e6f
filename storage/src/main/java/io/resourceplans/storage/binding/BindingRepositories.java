package io.resourceplans.storage.binding;

import io.resourceplans.domain.binding.BillingAccountRepository;
import io.resourceplans.domain.binding.LoginAttemptRepository;
import io.resourceplans.domain.binding.SiteRepository;
import io.resourceplans.domain.binding.VendorUserRepository;
import io.resourceplans.domain.binding.VerificationCodeRepository;
import io.resourceplans.domain.binding.WorkspaceRepository;
import io.resourceplans.storage.db.FeatureRepositories;

/** The binding feature's repositories (see {@link FeatureRepositories}). */
public final class BindingRepositories implements FeatureRepositories {
  @Override
  public void register(Registry registry) {
    registry.add(SiteRepository.class, c -> new JdbiSiteRepository(c.dao(SiteDao.class)));
    registry.add(VendorUserRepository.class, c -> new JdbiVendorUserRepository(c.dao(VendorUserDao.class)));
    registry.add(BillingAccountRepository.class, c -> new JdbiBillingAccountRepository(c.dao(BillingAccountDao.class)));
    registry.add(WorkspaceRepository.class, c -> new JdbiWorkspaceRepository(c.dao(WorkspaceDao.class)));
    registry.add(VerificationCodeRepository.class, c -> new JdbiVerificationCodeRepository(c.dao(VerificationCodeDao.class)));
    registry.add(LoginAttemptRepository.class, c -> new JdbiLoginAttemptRepository(c.dao(LoginAttemptDao.class)));
  }
}
