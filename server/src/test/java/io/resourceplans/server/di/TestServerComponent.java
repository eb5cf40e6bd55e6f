package io.resourceplans.server.di;

import dagger.Component;
import io.resourceplans.domain.alert.AlertService;
import io.resourceplans.domain.billing.WalletService;
import io.resourceplans.domain.binding.BindingService;
import io.resourceplans.domain.clock.AccountClock;
import io.resourceplans.domain.idempotency.IdempotencyPurge;
import io.resourceplans.domain.notification.ExpiryReminderService;
import io.resourceplans.domain.notification.NotificationDispatcher;
import io.resourceplans.domain.notification.Notifier;
import io.resourceplans.domain.quota.QuotaFactsReader;
import io.resourceplans.domain.tx.Transactor;
import javax.inject.Singleton;

/**
 * The server's object graph with what tests drive directly: background passes they run themselves,
 * and domain services they call in transactions of their own. Production code sees only {@link
 * ServerComponent}.
 */
@Singleton
@Component(modules = ServerModules.class)
public interface TestServerComponent extends ServerComponent {
  /** The expiry-reminder pass the server's scheduler runs; tests run it themselves. */
  ExpiryReminderService expiryReminders();

  /** For tests that run the alert crossing rule in a transaction of their own. */
  AlertService alerts();

  Transactor transactor();

  /** For tests that build a UsageService of their own (e.g. one that always takes the full path). */
  WalletService wallets();

  /** For tests that build a UsageService of their own: the server's account time. */
  AccountClock accountClock();

  /** For tests that build a UsageService of their own: the server's CheckQuota reads (batched on PostgreSQL). */
  QuotaFactsReader quotaFactsReader();

  /** The dispatcher the server's scheduler runs; tests run passes themselves. */
  NotificationDispatcher notificationDispatcher();

  /** The webhook dispatcher the server's scheduler runs; tests run passes themselves. */
  io.resourceplans.domain.webhook.WebhookDispatcher webhookDispatcher();

  /** For tests that queue notifications in a transaction of their own. */
  Notifier notifier();

  /** For tests that call the binding flows with identities no login ticket would carry. */
  BindingService bindingService();

  /** The notification meters, for tests that build a scheduler of their own. */
  io.resourceplans.server.metrics.NotificationMetrics notificationMetrics();

  /** Pay-as-you-go spend alerts; tests run the pass the server's scheduler runs themselves. */
  io.resourceplans.domain.billing.PayAsYouGoSpendAlerts spendAlerts();

  /** Quota holds; tests run the expiry pass the server's scheduler runs themselves. */
  io.resourceplans.domain.hold.HoldService holds();

  /** The purge the server's scheduler runs; tests run it themselves. */
  IdempotencyPurge idempotencyPurge();

  /** The event streams of this server, for tests that look at their positions. */
  io.resourceplans.server.events.EventStreamHub eventStreams();

  /** The one writer of events, for tests that emit events in a transaction of their own. */
  io.resourceplans.domain.webhook.WebhookEvents webhookEvents();

  /** The event retention pass the server's scheduler runs; tests run it themselves. */
  io.resourceplans.domain.event.AccountEventRetention eventRetention();

  /** The server's builder, building this component. */
  @Component.Builder
  interface Builder extends ServerComponent.Builder {
    @Override
    TestServerComponent build();
  }
}
