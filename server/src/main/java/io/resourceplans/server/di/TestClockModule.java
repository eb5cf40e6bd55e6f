package io.resourceplans.server.di;

import dagger.Module;
import dagger.Provides;
import io.resourceplans.domain.clock.AccountClock;
import io.resourceplans.domain.clock.TestClockService;
import io.resourceplans.domain.clock.TestClockSettings;
import io.resourceplans.domain.notification.ExpiryReminderService;
import io.resourceplans.domain.tx.Transactor;
import java.time.Clock;
import javax.inject.Singleton;

/** Test clocks (simulated time of test accounts) and each account's "now". */
@Module
public interface TestClockModule {
  /** The settings given to the component, or the default (on) when none were. */
  static TestClockSettings orDefault(TestClockSettings configured) {
    return configured == null ? TestClockSettings.enabledByDefault() : configured;
  }

  @Provides
  @Singleton
  static AccountClock accountClock(Clock clock, Transactor transactor) {
    return new AccountClock(clock, transactor);
  }

  @Provides
  @Singleton
  static TestClockService testClockService(
      Clock clock, @Nullable TestClockSettings settings, ExpiryReminderService reminders) {
    return new TestClockService(clock, orDefault(settings), reminders);
  }
}
