package io.resourceplans.server.di;

import dagger.Module;

/** Domain services of the billing area. */
@Module
public interface BillingModule {}
