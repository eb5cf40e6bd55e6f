package io.resourceplans.server.di;

import dagger.Module;

/** Domain services of the catalog area. */
@Module
public interface CatalogModule {}
