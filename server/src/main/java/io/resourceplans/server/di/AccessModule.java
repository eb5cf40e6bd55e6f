package io.resourceplans.server.di;

import dagger.Binds;
import dagger.Module;
import io.resourceplans.domain.activation.ProductCatalog;
import io.resourceplans.domain.activation.ProductsInCatalog;

/** Bindings of the access area; its services are built from their {@code @Inject} constructors. */
@Module
public interface AccessModule {
  @Binds
  ProductCatalog productCatalog(ProductsInCatalog products);
}
