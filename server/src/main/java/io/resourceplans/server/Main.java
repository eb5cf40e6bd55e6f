package io.resourceplans.server;

import com.zaxxer.hikari.HikariDataSource;
import io.resourceplans.domain.billing.OrderSettings;
import io.resourceplans.domain.money.SettlementCurrency;
import io.resourceplans.domain.auth.AuthSettings;
import io.resourceplans.domain.notification.ReminderSettings;
import io.resourceplans.server.config.ConfigLoader;
import io.resourceplans.server.config.OperatorKeyFile;
import io.resourceplans.server.config.ServerConfig;
import io.resourceplans.server.di.DaggerServerComponent;
import io.resourceplans.server.grpc.NettyTransport;
import io.resourceplans.storage.db.DataSources;
import io.resourceplans.storage.db.DatabaseCreator;
import io.resourceplans.storage.db.DatabaseSettings;
import io.resourceplans.storage.db.EmbeddedDatabase;
import io.resourceplans.storage.db.Migrations;
import io.resourceplans.domain.binding.BindingSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the server: database (embedded or configured), migrations, gRPC, graceful shutdown. */
public final class Main {
  private static final Logger log = LoggerFactory.getLogger(Main.class);
  private static final String DATABASE_NAME = "resource_plans";

  private Main() {}

  public static void main(String[] args) throws Exception {
    if (Arrays.asList(args).contains("--help")) {
      System.out.print(ConfigLoader.usage());
      return;
    }
    ServerConfig config;
    try {
      config = ConfigLoader.load(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(ConfigLoader.usage());
      System.exit(2);
      return;
    }
    config.describe().forEach((k, v) -> log.info("config {} = {}", k, v));

    EmbeddedDatabase embedded = null;
    DatabaseSettings settings;
    if (config.databaseUrl().isPresent()) {
      settings =
          new DatabaseSettings(
              config.databaseUrl().get(),
              config.databaseUser(),
              config.databasePassword().orElse(""),
              config.poolSize());
    } else {
      Path pgData = config.dataDirectory().resolve("postgres").toAbsolutePath().normalize();
      embedded = EmbeddedDatabase.start(pgData, 0);
      log.info("embedded PostgreSQL on port {}, data kept in {}", embedded.port(), pgData);
      settings = embedded.settings(DATABASE_NAME, config.poolSize());
    }
    if (DatabaseCreator.ensureExists(settings)) {
      log.info("created database {}", settings.jdbcUrl());
    }
    HikariDataSource pool = DataSources.pool(settings, "resource-plans");
    int applied = Migrations.migrate(pool);
    log.info("database {} ready ({} migrations applied now)", settings.describe(), applied);

    String operatorKey;
    if (config.operatorKey().isPresent()) {
      operatorKey = config.operatorKey().get();
    } else {
      Path keyFile = config.dataDirectory().resolve("operator-key").toAbsolutePath().normalize();
      operatorKey = OperatorKeyFile.readOrCreate(keyFile);
      log.info("operator key kept in {}", keyFile);
    }

    String ticketKey;
    if (config.ticketKey().isPresent()) {
      ticketKey = config.ticketKey().get();
    } else {
      Path keyFile = config.dataDirectory().resolve("ticket-key").toAbsolutePath().normalize();
      ticketKey = OperatorKeyFile.readOrCreate(keyFile, "rpt.");
      log.info("login-ticket key kept in {}", keyFile);
    }

    ResourcePlansServer server =
        DaggerServerComponent.builder()
            .transport(
                new NettyTransport(
                    config.port(),
                    config.tlsCertChain().map(Path::toFile),
                    config.tlsPrivateKey().map(Path::toFile),
                    config.transport()))
            .dataSource(pool)
            .clock(Clock.systemUTC())
            .operatorKey(operatorKey)
            .currency(new SettlementCurrency(config.currency()))
            .orderSettings(new OrderSettings(config.unpaidOrderTtl()))
            .reminderSettings(new ReminderSettings(config.reminderOffsetsDays(), config.reminderPeriod()))
            .authSettings(new AuthSettings(config.authCacheTtl()))
            .bindingSettings(
                new BindingSettings(
                    ticketKey.getBytes(StandardCharsets.UTF_8),
                    config.loginTicketTtl(),
                    config.verificationCodeTtl(),
                    config.verificationCodeMaxAttempts(),
                    config.verificationCodeCooldown(),
                    config.passwordHashMemoryKib(),
                    config.passwordHashIterations()))
            .deliverySettings(config.delivery())
            .build()
            .server()
            .start();
    log.info("resource-plans serving on port {}", server.port());

    EmbeddedDatabase embeddedToClose = embedded;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("shutting down: draining calls for up to {}", config.shutdownGrace());
                  try {
                    server.stop(config.shutdownGrace());
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  pool.close();
                  if (embeddedToClose != null) {
                    try {
                      embeddedToClose.close();
                    } catch (Exception e) {
                      log.warn("embedded PostgreSQL did not stop cleanly: {}", e.getClass().getName());
                    }
                  }
                  log.info("stopped");
                },
                "shutdown"));
    server.awaitTermination();
  }
}
