package io.resourceplans.server.di;

import dagger.Module;
import dagger.Provides;
import io.resourceplans.domain.clock.AccountClock;
import io.resourceplans.domain.alert.AlertService;
import io.resourceplans.domain.notification.ExpiryReminderService;
import io.resourceplans.domain.notification.MessageService;
import io.resourceplans.domain.notification.Notifier;
import io.resourceplans.domain.notification.ReminderSettings;
import io.resourceplans.domain.tx.Transactor;
import java.time.Clock;
import javax.inject.Singleton;

/** Domain services of remaining-quota alerts, expiry reminders and internal messages. */
@Module
public interface AlertModule {
  @Provides
  @Singleton
  static Notifier notifier(Clock clock) {
    return new Notifier(io.resourceplans.domain.notification.Templates.builtIn(), clock);
  }

  @Provides
  @Singleton
  static AlertService alertService(Clock clock, Notifier notifier, AccountClock accountClock) {
    return new AlertService(clock, notifier, accountClock);
  }

  @Provides
  @Singleton
  static MessageService messageService(Clock clock) {
    return new MessageService(clock);
  }

  @Provides
  @Singleton
  static ExpiryReminderService expiryReminderService(
      Transactor transactor, Notifier notifier, ReminderSettings settings) {
    return new ExpiryReminderService(transactor, notifier, settings);
  }
}
