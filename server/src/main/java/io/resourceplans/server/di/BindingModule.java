package io.resourceplans.server.di;

import dagger.Module;
import dagger.Provides;
import io.resourceplans.domain.binding.BindingSettings;
import io.resourceplans.domain.binding.PasswordHasher;
import io.resourceplans.domain.marketplace.LoginTickets;
import io.resourceplans.domain.marketplace.MarketplaceService;
import io.resourceplans.domain.terms.TermsAcceptances;
import io.resourceplans.domain.terms.TermsService;
import io.resourceplans.server.security.Argon2PasswordHasher;
import java.time.Clock;
import javax.inject.Singleton;

/** What the binding settings configure: the ticket key and lifetime, and the password hash cost. */
@Module
public interface BindingModule {
  @Provides
  @Singleton
  static LoginTickets loginTickets(BindingSettings settings) {
    return new LoginTickets(settings.acceptedTicketKeys());
  }

  @Provides
  @Singleton
  static PasswordHasher passwordHasher(BindingSettings settings) {
    return new Argon2PasswordHasher(settings.passwordHashMemoryKib(), settings.passwordHashIterations());
  }

  @Provides
  @Singleton
  static MarketplaceService marketplaceService(
      Clock clock, TermsService terms, TermsAcceptances acceptances, LoginTickets tickets, BindingSettings settings) {
    return new MarketplaceService(clock, terms, acceptances, tickets, settings.ticketTtl());
  }
}
