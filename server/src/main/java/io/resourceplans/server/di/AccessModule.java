package io.resourceplans.server.di;

import io.resourceplans.domain.catalog.ProductRepository;
import dagger.Module;
import dagger.Provides;
import io.resourceplans.domain.clock.AccountClock;
import io.resourceplans.domain.activation.ActivationService;
import io.resourceplans.domain.activation.PackageAvailability;
import io.resourceplans.domain.activation.ProductCatalog;
import io.resourceplans.domain.identity.IdentityVerificationService;
import io.resourceplans.domain.region.RegionService;
import io.resourceplans.domain.terms.TermsAcceptances;
import io.resourceplans.domain.terms.TermsService;
import io.resourceplans.domain.terms.TermsVersions;
import java.time.Clock;
import javax.inject.Singleton;

/**
 * Domain services of the access area. {@link PackageAvailability} comes from the billing area,
 * which owns packages.
 */
@Module
public interface AccessModule {
  @Provides
  @Singleton
  static TermsService termsService() {
    return new TermsService();
  }

  @Provides
  @Singleton
  static TermsAcceptances termsAcceptances() {
    return new TermsAcceptances();
  }

  @Provides
  @Singleton
  static TermsVersions termsVersions(Clock clock) {
    return new TermsVersions(clock);
  }

  @Provides
  @Singleton
  static IdentityVerificationService identityVerificationService(Clock clock) {
    return new IdentityVerificationService(clock);
  }

  @Provides
  @Singleton
  static RegionService regionService() {
    return new RegionService();
  }

  @Provides
  @Singleton
  static ProductCatalog productCatalog() {
    return (tx, productId) -> tx.get(ProductRepository.class).find(productId).isPresent();
  }

  @Provides
  @Singleton
  static ActivationService activationService(
      Clock clock,
      TermsService terms,
      TermsAcceptances acceptances,
      ProductCatalog products,
      PackageAvailability packages,
      AccountClock accountClock) {
    return new ActivationService(clock, terms, acceptances, products, packages, accountClock);
  }
}
