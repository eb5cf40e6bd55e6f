package io.resourceplans.server.di;

import dagger.Module;
import dagger.Provides;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.domain.webhook.WebhookDispatcher;
import io.resourceplans.domain.webhook.WebhookSettings;
import io.resourceplans.server.metrics.WebhookMetrics;
import io.resourceplans.server.notify.DeliverySettings;
import io.resourceplans.server.notify.HttpWebhookSender;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import javax.inject.Singleton;

/** The webhook settings and dispatcher, sending over HTTP. */
@Module
public interface WebhookModule {
  @Provides
  static WebhookSettings webhookSettings(DeliverySettings settings) {
    return settings.webhooks();
  }

  @Provides
  @Singleton
  static WebhookDispatcher webhookDispatcher(
      Transactor transactor, Clock clock, WebhookSettings settings, WebhookMetrics metrics) {
    return new WebhookDispatcher(
        transactor, clock, settings, new HttpWebhookSender(settings), () -> ThreadLocalRandom.current().nextDouble(),
        metrics);
  }
}
