package io.resourceplans.server;

import io.resourceplans.domain.billing.OrderSettings;
import io.resourceplans.domain.money.SettlementCurrency;
import io.resourceplans.domain.auth.AuthSettings;
import io.resourceplans.domain.idempotency.IdempotencyPurgeSettings;
import io.resourceplans.domain.notification.ReminderSettings;
import io.resourceplans.server.bootstrap.DatabaseStartup;
import io.resourceplans.server.config.ConfigLoader;
import io.resourceplans.server.config.OperatorKeyFile;
import io.resourceplans.server.config.ServerConfig;
import io.resourceplans.server.di.DaggerServerComponent;
import io.resourceplans.server.di.ServerComponent;
import io.resourceplans.server.errors.SharedValidator;
import io.resourceplans.server.grpc.ApiDescriptors;
import io.resourceplans.server.grpc.NettyTransport;
import io.resourceplans.server.logging.LogSetup;
import io.resourceplans.server.metrics.Metrics;
import io.resourceplans.server.metrics.MetricsHttpServer;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.resourceplans.storage.db.Database;
import io.resourceplans.domain.binding.BindingSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import sun.misc.Signal;

/**
 * Starts the server: database (embedded or configured), migrations, gRPC; stops it in order on
 * SIGTERM or SIGINT (see {@link Shutdown}).
 */
public final class Main {
  /** Set once the arguments are known: --help and --version print without starting logging. */
  private static Logger log;
  private static final String DATABASE_NAME = "resource_plans";

  private Main() {}

  public static void main(String[] args) throws Exception {
    List<String> given = Arrays.asList(args);
    if (given.contains("--help") || given.contains("-h")) {
      System.out.print(ConfigLoader.usage());
      return;
    }
    if (given.contains("--version")) {
      System.out.println(Version.describe());
      return;
    }
    // Meanwhile the rest starts: the validator takes long to build and needs nothing else.
    SharedValidator.startBuilding();
    ApiDescriptors.loadInBackground();
    // java.util.logging (grpc-java, Netty) into the same log as everything else.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    log = LoggerFactory.getLogger(Main.class);
    ServerConfig config;
    try {
      config = ConfigLoader.load(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println("(--help lists every setting)");
      System.exit(2);
      return;
    }
    LogSetup.apply(config.logFormat(), config.logLevel(), config.accessLog());
    log.info("{} starting", Version.describe());
    config.describe().forEach((k, v) -> log.info("config {} = {}", k, v));

    DatabaseStartup databaseStartup = null;
    MetricsHttpServer metricsHttp = null;
    try {
      // Made first: the pool reports to it from its first connection.
      PrometheusMeterRegistry metrics = Metrics.newRegistry();
      // The database starts (embedded PostgreSQL, creation, first connection, migrations) while
      // the services are built (neither needs the other, and building them is mostly class
      // loading); nothing is served before both are done.
      databaseStartup = DatabaseStartup.begin(config, DATABASE_NAME, new MicrometerMetricsTrackerFactory(metrics));
      Database database = databaseStartup.database();
      ResourcePlansServer server;
      int applied;
      try {
        server = component(config, database, metrics).server();
      } finally {
        applied = databaseStartup.awaitReady();
      }
      log.info("database {} ready ({} migrations applied now)", databaseStartup.settings().describe(), applied);
      server.start();
      log.info("resource-plans serving on {}:{}", config.listenAddress().orElse("*"), server.port());
      if (config.metricsPort() != 0) {
        metricsHttp = MetricsHttpServer.start(metrics, config.listenAddress(), config.metricsPort());
        log.info("metrics at http://{}:{}/metrics", config.listenAddress().orElse("*"), metricsHttp.port());
      }

      CdsServedMarker.markServing();

      Shutdown shutdown =
          new Shutdown(server, config.shutdownGrace(), metricsHttp, database, databaseStartup.embedded().orElse(null));
      onSignals(shutdown);
      Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "shutdown-hook"));
      server.awaitTermination();
    } catch (Exception e) {
      log.error("could not start: {}", e.toString());
      if (metricsHttp != null) {
        metricsHttp.close();
      }
      if (databaseStartup != null) {
        databaseStartup.close();
      }
      LogSetup.flush();
      System.exit(1);
    }
  }

  /**
   * SIGTERM and SIGINT stop the server in order and exit 0: a requested stop is a success. (The
   * JVM's own handling would run shutdown hooks in no set order and exit 143.)
   */
  private static void onSignals(Shutdown shutdown) {
    for (String name : new String[] {"TERM", "INT"}) {
      Signal.handle(
          new Signal(name),
          signal ->
              new Thread(
                      () -> {
                        shutdown.run();
                        System.exit(0);
                      },
                      "shutdown")
                  .start());
    }
  }

  private static ServerComponent component(ServerConfig config, Database database, PrometheusMeterRegistry metrics)
      throws Exception {
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

    return DaggerServerComponent.builder()
        .transport(
            new NettyTransport(
                config.listenAddress(),
                config.port(),
                config.tlsCertChain().map(Path::toFile),
                config.tlsPrivateKey().map(Path::toFile),
                config.transport()))
        .dataSource(database.dataSource())
        .databaseReachability(database.reachability())
        .clock(Clock.systemUTC())
        .operatorKey(operatorKey)
        .currency(new SettlementCurrency(config.currency()))
        .orderSettings(new OrderSettings(config.unpaidOrderTtl()))
        .reminderSettings(new ReminderSettings(config.reminderOffsetsDays(), config.reminderPeriod()))
        .testClockSettings(
            config.testClocks()
                ? io.resourceplans.domain.clock.TestClockSettings.enabledByDefault()
                : io.resourceplans.domain.clock.TestClockSettings.disabled())
        .authSettings(new AuthSettings(config.authCacheTtl(), config.previousOperatorKey()))
        .bindingSettings(
            new BindingSettings(
                ticketKey.getBytes(StandardCharsets.UTF_8),
                config.loginTicketTtl(),
                config.verificationCodeTtl(),
                config.verificationCodeMaxAttempts(),
                config.verificationCodeCooldown(),
                config.passwordHashMemoryKib(),
                config.passwordHashIterations(),
                config.loginMaxFailures(),
                config.loginLockDuration(),
                config.previousTicketKey().map(k -> k.getBytes(StandardCharsets.UTF_8))))
        .deliverySettings(config.delivery())
        .eventStreamSettings(config.eventStream())
        .idempotencyPurgeSettings(IdempotencyPurgeSettings.withRetention(config.idempotencyRetention()))
        .meterRegistry(metrics)
        .build();
  }
}
