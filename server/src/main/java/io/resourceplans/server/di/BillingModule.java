package io.resourceplans.server.di;

import dagger.Binds;
import dagger.Module;
import io.resourceplans.domain.activation.PackageAvailability;
import io.resourceplans.domain.quota.ActivePackageTotals;

/** Bindings of the billing area; its services are built from their {@code @Inject} constructors. */
@Module
public interface BillingModule {
  @Binds
  PackageAvailability packageAvailability(ActivePackageTotals totals);
}
