package io.resourceplans.domain.activation;

import io.resourceplans.domain.catalog.ProductRepository;
import io.resourceplans.domain.tx.Tx;
import javax.inject.Inject;
import javax.inject.Singleton;

/** Activation's view of the catalog: the product table. */
@Singleton
public final class ProductsInCatalog implements ProductCatalog {
  @Inject
  public ProductsInCatalog() {}

  @Override
  public boolean exists(Tx tx, String productId) {
    return tx.get(ProductRepository.class).find(productId).isPresent();
  }
}
