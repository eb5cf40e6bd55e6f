package io.resourceplans.server.di;

import dagger.Module;
import dagger.Provides;
import io.resourceplans.domain.catalog.CatalogService;
import io.resourceplans.domain.money.SettlementCurrency;
import java.time.Clock;
import javax.inject.Singleton;

/** Domain services of the catalog area. */
@Module
public interface CatalogModule {
  @Provides
  @Singleton
  static CatalogService catalogService(Clock clock, SettlementCurrency currency) {
    return new CatalogService(clock, currency);
  }
}
