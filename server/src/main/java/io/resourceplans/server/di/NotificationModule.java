package io.resourceplans.server.di;

import dagger.Module;
import dagger.Provides;
import io.resourceplans.domain.notification.DeliveryObserver;
import io.resourceplans.domain.notification.NotificationDispatcher;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.server.notify.DeliverySettings;
import io.resourceplans.server.notify.HttpSmsSender;
import io.resourceplans.server.notify.SmtpEmailSender;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.inject.Singleton;

/** The notification dispatcher with the delivery channels the settings configure. */
@Module
public interface NotificationModule {
  @Provides
  @Singleton
  static NotificationDispatcher notificationDispatcher(
      Transactor transactor, Clock clock, DeliverySettings settings, DeliveryObserver observer) {
    return new NotificationDispatcher(
        transactor,
        clock,
        settings.dispatch(),
        List.of(new SmtpEmailSender(settings.smtp()), new HttpSmsSender(settings.sms())),
        () -> ThreadLocalRandom.current().nextDouble(),
        observer);
  }
}
