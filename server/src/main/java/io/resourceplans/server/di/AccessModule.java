package io.resourceplans.server.di;

import dagger.Module;

/** Domain services of the access area. */
@Module
public interface AccessModule {}
