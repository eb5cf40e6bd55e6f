package io.resourceplans.server.di;

import dagger.Module;
import dagger.Provides;
import io.resourceplans.domain.auth.AuthSettings;
import io.resourceplans.domain.auth.Authenticator;
import io.resourceplans.domain.auth.PrincipalCache;
import io.resourceplans.domain.tx.Transactor;
import java.time.Clock;
import javax.inject.Singleton;

/** The authenticator with the operator key(s) and cache lifetime of the settings. */
@Module
public interface DomainModule {
  @Provides
  @Singleton
  static Authenticator authenticator(
      @OperatorKey String operatorKey, Transactor transactor, Clock clock, AuthSettings settings) {
    return new Authenticator(
        operatorKey, settings.previousOperatorKey(), transactor, new PrincipalCache(clock, settings.principalCacheTtl()));
  }
}
