package io.resourceplans.server.di;

import dagger.Module;
import dagger.Provides;
import io.resourceplans.domain.binding.BindingService;
import io.resourceplans.domain.binding.BindingSettings;
import io.resourceplans.domain.binding.PasswordHasher;
import io.resourceplans.domain.binding.VerificationCodeMailer;
import io.resourceplans.domain.binding.VendorLogins;
import io.resourceplans.domain.binding.VerificationCodes;
import io.resourceplans.domain.marketplace.LoginTickets;
import io.resourceplans.domain.marketplace.MarketplaceService;
import io.resourceplans.domain.terms.TermsAcceptances;
import io.resourceplans.domain.terms.TermsService;
import io.resourceplans.server.security.Argon2PasswordHasher;
import java.time.Clock;
import javax.inject.Singleton;

/** Domain services of marketplace activation and the vendor's binding flow. */
@Module
public interface BindingModule {
  @Provides
  @Singleton
  static LoginTickets loginTickets(BindingSettings settings) {
    return new LoginTickets(settings.ticketKey());
  }

  @Provides
  @Singleton
  static PasswordHasher passwordHasher(BindingSettings settings) {
    return new Argon2PasswordHasher(settings.passwordHashMemoryKib(), settings.passwordHashIterations());
  }

  @Provides
  @Singleton
  static VerificationCodes verificationCodes(Clock clock, BindingSettings settings, io.resourceplans.domain.notification.Notifier notifier) {
    return new VerificationCodes(clock, new VerificationCodeMailer(notifier), settings);
  }

  @Provides
  @Singleton
  static MarketplaceService marketplaceService(
      Clock clock, TermsService terms, TermsAcceptances acceptances, LoginTickets tickets, BindingSettings settings) {
    return new MarketplaceService(clock, terms, acceptances, tickets, settings.ticketTtl());
  }

  @Provides
  @Singleton
  static VendorLogins vendorLogins(Clock clock, PasswordHasher passwords, BindingSettings settings) {
    return new VendorLogins(clock, passwords, settings);
  }

  @Provides
  @Singleton
  static BindingService bindingService(
      Clock clock,
      TermsService terms,
      LoginTickets tickets,
      VerificationCodes codes,
      PasswordHasher passwords,
      VendorLogins logins) {
    return new BindingService(clock, terms, tickets, codes, passwords, logins);
  }
}
