package io.resourceplans.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.resourceplans.server.bootstrap.DatabaseStartup;
import io.resourceplans.server.config.ConfigLoader;
import io.resourceplans.server.config.ServerConfig;
import io.resourceplans.server.testing.CapturedLogs;
import io.resourceplans.storage.db.DatabaseSettings;
import io.resourceplans.storage.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's database starts beside the wiring of the server (Main): on a configured PostgreSQL
 * it creates the database if missing and migrates it, its data source makes callers wait until it
 * is connected, and a start that fails is reported by awaitReady and fails the waiting callers at
 * once; a database not made bytewise is served as it is, and the operator is told once.
 */
class DatabaseStartupTest {
  @TempDir Path dataDirectory;

  @Test
  void createsAMissingDatabaseMigratesItThenServesCallersThatCameEarly() throws Exception {
    DatabaseSettings server = TestDatabase.server();
    String name = "rp_test_startup_" + UUID.randomUUID().toString().replace("-", "");
    String url = urlOf(server, name);
    try (DatabaseStartup startup = DatabaseStartup.begin(config(url), "unused", null)) {
      // A caller as early as the wiring: it waits for the database, which did not exist.
      CompletableFuture<String> early = CompletableFuture.supplyAsync(() -> query(startup, "select current_database()"));

      int applied = startup.awaitReady();

      assertEquals(name, early.get(30, TimeUnit.SECONDS));
      assertTrue(applied > 20, "every migration applied to the new database: " + applied);
      assertEquals(Integer.toString(applied),
          query(startup, "select count(*) from flyway_schema_history where success and type in ('SQL', 'JDBC')"));
      assertTrue(startup.embedded().isEmpty(), "a configured database: no embedded PostgreSQL");
    } finally {
      drop(server, name);
    }
  }

  @Test
  void aDatabaseWithALocalesCollationIsServedAndTheOperatorIsToldOnceOneTheServerCreatesIsNot() throws Exception {
    DatabaseSettings server = TestDatabase.server();
    String existing = "rp_test_collation_" + UUID.randomUUID().toString().replace("-", "");
    String created = "rp_test_collation_" + UUID.randomUUID().toString().replace("-", "");
    // A database an operator made with a locale's collation (C.UTF-8: on every Debian system).
    execute(server, "create database \"" + existing + "\" template template0 lc_collate 'C.UTF-8'");
    try (CapturedLogs logs = new CapturedLogs()) {
      try (DatabaseStartup startup = DatabaseStartup.begin(config(urlOf(server, existing)), "unused", null)) {
        assertTrue(startup.awaitReady() > 20);
        assertEquals("C.UTF-8", query(startup, "select datcollate from pg_database where datname = current_database()"));
      }
      try (DatabaseStartup startup = DatabaseStartup.begin(config(urlOf(server, created)), "unused", null)) {
        startup.awaitReady();
        assertEquals("C", query(startup, "select datcollate from pg_database where datname = current_database()"));
      }
      List<String> told = logs.events(e -> e.getLoggerName().equals(DatabaseStartup.class.getName())
              && e.getFormattedMessage().startsWith("database collation")).stream()
          .map(e -> e.getLevel() + " " + e.getFormattedMessage())
          .toList();
      assertEquals(1, told.size(), () -> "one line, for the database not made bytewise: " + told);
      assertTrue(told.get(0).startsWith("INFO database collation C.UTF-8:") && told.get(0).contains("README: Database collation"),
          told.get(0));
    } finally {
      drop(server, existing);
      drop(server, created);
    }
  }

  @Test
  void aStartThatFailsIsThrownByAwaitReadyAndFailsTheWaitingCallers() throws Exception {
    // Nothing listens on port 1.
    try (DatabaseStartup startup =
        DatabaseStartup.begin(config("jdbc:postgresql://127.0.0.1:1/rp?user=postgres&connectTimeout=2"), "unused", null)) {
      CompletableFuture<String> early = CompletableFuture.supplyAsync(() -> query(startup, "select 1"));

      SQLException refused = assertThrows(SQLException.class, startup::awaitReady);

      assertTrue(refused.getMessage().contains("refused"), refused.getMessage());
      Throwable waited = assertThrows(Exception.class, () -> early.get(10, TimeUnit.SECONDS)).getCause();
      assertTrue(waited instanceof SQLException, "the waiting caller is told: " + waited);
    }
  }

  private ServerConfig config(String databaseUrl) {
    return ConfigLoader.load(
        new String[] {"--database-url=" + databaseUrl, "--data-dir=" + dataDirectory, "--pool-size=2"}, Map.of());
  }

  private static String query(DatabaseStartup startup, String sql) {
    try (Connection c = startup.database().dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new CompletionException(e);
    }
  }

  private static String urlOf(DatabaseSettings server, String name) {
    return server.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
  }

  private static void drop(DatabaseSettings server, String name) throws SQLException {
    execute(server, "drop database if exists \"" + name + "\" with (force)");
  }

  private static void execute(DatabaseSettings server, String sql) throws SQLException {
    java.util.Properties credentials = new java.util.Properties();
    if (server.user() != null && !server.user().isEmpty()) {
      credentials.setProperty("user", server.user());
    }
    if (server.password() != null && !server.password().isEmpty()) {
      credentials.setProperty("password", server.password());
    }
    try (Connection c = DriverManager.getConnection(server.jdbcUrl(), credentials);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
