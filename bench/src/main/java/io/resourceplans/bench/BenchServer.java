package io.resourceplans.bench;

import io.resourceplans.domain.billing.OrderSettings;
import io.resourceplans.domain.money.SettlementCurrency;
import io.resourceplans.server.ResourcePlansServer;
import io.resourceplans.server.di.DaggerServerComponent;
import io.resourceplans.server.grpc.NettyTransport;
import io.resourceplans.server.grpc.TransportLimits;
import io.resourceplans.storage.db.DataSources;
import io.resourceplans.storage.db.Database;
import io.resourceplans.domain.auth.AuthSettings;
import io.resourceplans.domain.notification.ReminderSettings;
import io.resourceplans.storage.db.DatabaseSettings;
import io.resourceplans.storage.db.Migrations;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The real server, wired as Main wires it (Netty on a free loopback port, HikariCP, Flyway), in
 * this JVM so that one command runs everything.
 */
final class BenchServer implements AutoCloseable {
  private final Database database;
  private final ResourcePlansServer server;
  private final int migrations;

  private BenchServer(Database database, ResourcePlansServer server, int migrations) {
    this.database = database;
    this.server = server;
    this.migrations = migrations;
  }

  /** Migrates the (fresh) database and starts serving. */
  static BenchServer start(String jdbcUrl, int poolSize, String operatorKey) throws Exception {
    // The user and password stay in the URL; empty settings leave them to it.
    Database database =
        Database.open(new DatabaseSettings(jdbcUrl, "", "", poolSize), "bench-server", DataSources.DEFAULT_CONNECT_TIMEOUT);
    try {
      int applied = Migrations.migrate(database.dataSource());
      ResourcePlansServer server =
          DaggerServerComponent.builder()
              .transport(new NettyTransport(Optional.empty(), 0, Optional.empty(), Optional.empty(), TransportLimits.defaults(poolSize)))
              .dataSource(database.dataSource())
              .databaseReachability(database.reachability())
              .clock(Clock.systemUTC())
              .operatorKey(operatorKey)
              .currency(new SettlementCurrency("CNY"))
              .orderSettings(new OrderSettings(Duration.ofHours(24)))
              .reminderSettings(new ReminderSettings(ReminderSettings.DEFAULT_OFFSETS_DAYS, ReminderSettings.DEFAULT_PERIOD))
              .authSettings(new AuthSettings(AuthSettings.DEFAULT_PRINCIPAL_CACHE_TTL))
              .bindingSettings(
                  io.resourceplans.domain.binding.BindingSettings.defaults(
                      ("bench-ticket-key-" + java.util.UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
              .deliverySettings(io.resourceplans.server.notify.DeliverySettings.defaults())
              .idempotencyPurgeSettings(io.resourceplans.domain.idempotency.IdempotencyPurgeSettings.withRetention(
                  io.resourceplans.domain.idempotency.IdempotencyPurgeSettings.DEFAULT_RETENTION))
              .testClockSettings(io.resourceplans.domain.clock.TestClockSettings.enabledByDefault())
              .build()
              .server()
              .start();
      return new BenchServer(database, server, applied);
    } catch (Exception | Error e) {
      database.close();
      throw e;
    }
  }

  int port() {
    return server.port();
  }

  int migrationsApplied() {
    return migrations;
  }

  @Override
  public void close() throws InterruptedException {
    try {
      server.stop(Duration.ofSeconds(5));
    } finally {
      database.close();
    }
  }
}
