package io.resourceplans.server.di;

import dagger.BindsInstance;
import dagger.Component;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.resourceplans.domain.clock.AccountClock;
import io.resourceplans.domain.alert.AlertService;
import io.resourceplans.domain.billing.OrderSettings;
import io.resourceplans.domain.billing.WalletService;
import io.resourceplans.domain.money.SettlementCurrency;
import io.resourceplans.domain.notification.ExpiryReminderService;
import io.resourceplans.domain.notification.NotificationDispatcher;
import io.resourceplans.domain.notification.Notifier;
import io.resourceplans.domain.notification.ReminderSettings;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.server.ResourcePlansServer;
import io.resourceplans.server.bootstrap.CatalogSeeder;
import io.resourceplans.server.grpc.ServerTransport;
import io.resourceplans.server.metrics.BackgroundPassMetrics;
import io.resourceplans.server.notify.DeliverySettings;
import io.resourceplans.storage.db.DatabaseReachability;
import java.time.Clock;
import javax.annotation.Nullable;
import javax.inject.Singleton;
import javax.sql.DataSource;

/**
 * The whole server's object graph. What differs between production and tests comes in as
 * instances: the transport (Netty or in-process), the database and the clock. Tests that drive
 * domain services directly use TestServerComponent (server/src/test), built from the same modules.
 */
@Singleton
@Component(modules = ServerModules.class)
public interface ServerComponent {
  ResourcePlansServer server();

  /** The registry of the server's meters. */
  PrometheusMeterRegistry meterRegistry();

  BackgroundPassMetrics backgroundPassMetrics();

  /** Builds the component. */
  @Component.Builder
  interface Builder {
    @BindsInstance
    Builder transport(ServerTransport transport);

    @BindsInstance
    Builder dataSource(DataSource dataSource);

    /** Whether the database answers: health reports it. */
    @BindsInstance
    Builder databaseReachability(DatabaseReachability reachability);

    @BindsInstance
    Builder clock(Clock clock);

    @BindsInstance
    Builder operatorKey(@OperatorKey String operatorKey);

    @BindsInstance
    Builder currency(SettlementCurrency currency);

    @BindsInstance
    Builder orderSettings(OrderSettings orderSettings);

    @BindsInstance
    Builder reminderSettings(ReminderSettings reminderSettings);

    @BindsInstance
    Builder authSettings(io.resourceplans.domain.auth.AuthSettings authSettings);

    @BindsInstance
    Builder bindingSettings(io.resourceplans.domain.binding.BindingSettings bindingSettings);

    @BindsInstance
    Builder deliverySettings(DeliverySettings deliverySettings);

    @BindsInstance
    Builder idempotencyPurgeSettings(io.resourceplans.domain.idempotency.IdempotencyPurgeSettings settings);

    /**
     * The registry the server's meters go to (the one /metrics serves); not called = a registry of
     * its own that nobody reads.
     */
    @BindsInstance
    Builder meterRegistry(@GivenRegistry @Nullable PrometheusMeterRegistry registry);

    /**
     * The account event log's retention and the event streams' limits (--event-*); not called =
     * the defaults.
     */
    @BindsInstance
    Builder eventStreamSettings(@GivenEventStreamSettings @Nullable io.resourceplans.domain.event.EventStreamSettings settings);

    /** Test clocks on or off (--test-clocks). */
    @BindsInstance
    Builder testClockSettings(io.resourceplans.domain.clock.TestClockSettings settings);

    ServerComponent build();
  }
}
