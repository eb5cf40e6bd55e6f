package io.resourceplans.server.bootstrap;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import io.resourceplans.server.config.ServerConfig;
import io.resourceplans.storage.db.Database;
import io.resourceplans.storage.db.DatabaseCreator;
import io.resourceplans.storage.db.DatabaseSettings;
import io.resourceplans.storage.db.EmbeddedDatabase;
import io.resourceplans.storage.db.Migrations;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the server's database on a thread of its own while Main wires the server: the embedded
 * PostgreSQL (unless a database URL is configured), the database if it does not exist, the pool's
 * first connection, then the migrations. Wiring the server is mostly class loading and needs only
 * the database's data source, which exists at once and makes its callers wait until the pool is
 * connected (the migrations run meanwhile, as they did beside the wiring before); nothing is
 * served before {@link #awaitReady()}. A start that fails closes the database at once, so that
 * its waiting callers fail rather than wait.
 */
public final class DatabaseStartup implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DatabaseStartup.class);

  private final DatabaseSettings settings;
  /** Where the embedded PostgreSQL keeps its data, and its port; empty with a database URL. */
  private final Optional<Path> embeddedData;
  private final int embeddedPort;
  private final Database database;
  private final CompletableFuture<Integer> ready = new CompletableFuture<>();
  /** Set by the starting thread once the embedded PostgreSQL runs; read after {@link #ready}. */
  private volatile EmbeddedDatabase embedded;

  private DatabaseStartup(ServerConfig config, String databaseName, MetricsTrackerFactory poolMetrics)
      throws IOException {
    if (config.databaseUrl().isPresent()) {
      embeddedData = Optional.empty();
      embeddedPort = 0;
      settings =
          new DatabaseSettings(
              config.databaseUrl().get(),
              config.databaseUser(),
              config.databasePassword().orElse(""),
              config.poolSize());
    } else {
      embeddedData = Optional.of(config.dataDirectory().resolve("postgres").toAbsolutePath().normalize());
      embeddedPort = EmbeddedDatabase.freePort();
      settings = EmbeddedDatabase.settings(embeddedPort, databaseName, config.poolSize());
    }
    database = Database.prepare(settings, "resource-plans", config.databaseConnectTimeout(), poolMetrics);
  }

  /**
   * Begins starting the database for {@code config} and returns at once; the pool reports to
   * {@code poolMetrics} from its first connection.
   */
  public static DatabaseStartup begin(ServerConfig config, String databaseName, MetricsTrackerFactory poolMetrics)
      throws IOException {
    DatabaseStartup startup = new DatabaseStartup(config, databaseName, poolMetrics);
    startup.ready.completeAsync(startup::start, DatabaseStartup::startThread);
    return startup;
  }

  private int start() {
    try {
      if (embeddedData.isPresent()) {
        embedded = EmbeddedDatabase.start(embeddedData.get(), embeddedPort);
        log.info("embedded PostgreSQL on port {}, data kept in {}", embeddedPort, embeddedData.get());
      }
      if (DatabaseCreator.ensureExists(settings)) {
        log.info("created database {}", DatabaseSettings.printable(settings.jdbcUrl()));
      }
      database.connect();
      int applied = Migrations.migrate(database.dataSource());
      adviseOnCollation();
      return applied;
    } catch (Exception e) {
      // Callers waiting for the connection fail now, not when Main closes it.
      database.close();
      throw new CompletionException(e);
    }
  }

  /** A database made with a locale's collation works as it is; the operator learns what "C" would give. */
  private void adviseOnCollation() throws SQLException {
    String collation = DatabaseCreator.collation(database.dataSource());
    if (!DatabaseCreator.bytewise(collation)) {
      log.info("database collation {}: its text keys compare through the C library's locale, slower than"
          + " under \"C\", in an order a C library upgrade may change (README: Database collation)", collation);
    }
  }

  private static void startThread(Runnable start) {
    new Thread(start, "database-start").start();
  }

  /** The database; its data source makes callers wait until the pool is connected. */
  public Database database() {
    return database;
  }

  public DatabaseSettings settings() {
    return settings;
  }

  /**
   * Waits until the database is migrated and returns the number of migrations applied now; throws
   * what starting it failed with, as if it had run on this thread.
   */
  public int awaitReady() throws Exception {
    try {
      return ready.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception failure) {
        throw failure;
      }
      throw e;
    }
  }

  /** The embedded PostgreSQL, once {@link #awaitReady()} has returned; empty with a database URL. */
  public Optional<EmbeddedDatabase> embedded() {
    return Optional.ofNullable(embedded);
  }

  /**
   * Closes the pool and stops the embedded PostgreSQL, after waiting for the start to end either
   * way (a start still running could otherwise leave a PostgreSQL behind). For a start that failed.
   */
  @Override
  public void close() {
    ready.exceptionally(e -> null).join();
    database.close();
    EmbeddedDatabase started = embedded;
    if (started != null) {
      try {
        started.close();
      } catch (Exception stopFailed) {
        log.warn("embedded PostgreSQL did not stop cleanly: {}", stopFailed.getClass().getName());
      }
    }
  }
}
