package io.resourceplans.storage.catalog;

import io.resourceplans.domain.catalog.PlanSpecRepository;
import io.resourceplans.domain.catalog.ProductRepository;
import io.resourceplans.storage.db.FeatureRepositories;

/** The catalog feature's repositories (see {@link FeatureRepositories}). */
public final class CatalogRepositories implements FeatureRepositories {
  @Override
  public void register(Registry registry) {
    registry.add(ProductRepository.class, c -> new SqlProductRepository(c.sql()));
    registry.add(PlanSpecRepository.class, c -> new JdbiPlanSpecRepository(c.dao(PlanSpecDao.class)));
  }
}
