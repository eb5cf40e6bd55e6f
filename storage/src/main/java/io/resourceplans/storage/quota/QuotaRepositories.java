package io.resourceplans.storage.quota;

import io.resourceplans.domain.quota.PackageRepository;
import io.resourceplans.domain.quota.QuotaFactsRepository;
import io.resourceplans.domain.quota.UsageRepository;
import io.resourceplans.storage.db.FeatureRepositories;

/** The quota feature's repositories (see {@link FeatureRepositories}). */
public final class QuotaRepositories implements FeatureRepositories {
  @Override
  public void register(Registry registry) {
    registry.add(PackageRepository.class, c -> new SqlPackageRepository(c.sql()));
    registry.add(UsageRepository.class, c -> new SqlUsageRepository(c.sql()));
    registry.add(QuotaFactsRepository.class, c -> new SqlQuotaFactsRepository(c.sql()));
  }
}
