package io.resourceplans.server.di;

import dagger.Module;
import dagger.Provides;
import io.resourceplans.domain.account.AccountService;
import io.resourceplans.domain.auth.AuthSettings;
import io.resourceplans.domain.auth.Authenticator;
import io.resourceplans.domain.auth.PrincipalCache;
import io.resourceplans.domain.idempotency.IdempotencyPurge;
import io.resourceplans.domain.idempotency.IdempotencyPurgeSettings;
import io.resourceplans.domain.idempotency.IdempotentExecutor;
import io.resourceplans.domain.tx.Transactor;
import java.time.Clock;
import javax.inject.Singleton;

/** The domain services; they are plain Java, so Dagger builds them here. */
@Module
public interface DomainModule {
  @Provides
  @Singleton
  static AccountService accountService(Clock clock, @Nullable io.resourceplans.domain.clock.TestClockSettings testClocks) {
    return new AccountService(clock, TestClockModule.orDefault(testClocks));
  }

  @Provides
  @Singleton
  static IdempotentExecutor idempotentExecutor(Clock clock) {
    return new IdempotentExecutor(clock);
  }

  @Provides
  @Singleton
  static IdempotencyPurge idempotencyPurge(Transactor transactor, Clock clock, IdempotencyPurgeSettings settings) {
    return new IdempotencyPurge(transactor, clock, settings);
  }

  @Provides
  @Singleton
  static Authenticator authenticator(
      @OperatorKey String operatorKey, Transactor transactor, Clock clock, AuthSettings settings) {
    return new Authenticator(operatorKey, transactor, new PrincipalCache(clock, settings.principalCacheTtl()));
  }
}
