package io.resourceplans.storage.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.pool.HikariPool.PoolInitializationException;
import io.resourceplans.storage.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A database prepared without connecting (the server is wired while it starts): nothing connects
 * and every caller of its data source waits until {@link Database#connect()}, and a connect that
 * fails, or a close, fails them instead of leaving them waiting. And the database made when
 * missing, without needing the maintenance database when it is there.
 */
class DatabaseConnectTest {
  private static TestDatabase db;

  @BeforeAll
  static void setUp() {
    db = TestDatabase.create();
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @Test
  void aCallerBeforeConnectWaitsForItAndNothingConnectsMeanwhile() throws Exception {
    try (Database database = Database.prepare(db.settings(), "connect-test", DataSources.DEFAULT_CONNECT_TIMEOUT, null)) {
      CompletableFuture<Integer> early = CompletableFuture.supplyAsync(() -> selectOne(database));

      assertThrows(TimeoutException.class, () -> early.get(300, TimeUnit.MILLISECONDS), "the caller waits");
      assertNull(database.pool().getHikariPoolMXBean(), "the pool has not started");

      database.connect();

      assertEquals(1, early.get(10, TimeUnit.SECONDS));
      assertEquals(1, selectOne(database));
      assertTrue(database.pool().getHikariPoolMXBean().getTotalConnections() >= 1);
    }
  }

  @Test
  void aConnectThatFailsFailsTheWaitingCallersWithItsCause() throws Exception {
    DatabaseSettings missing = missingDatabase();
    try (Database database = Database.prepare(missing, "connect-test-missing", DataSources.DEFAULT_CONNECT_TIMEOUT, null)) {
      CompletableFuture<Integer> early = CompletableFuture.supplyAsync(() -> selectOne(database));
      assertFalse(early.isDone());

      SQLException refused = assertThrows(SQLException.class, database::connect);
      assertEquals("3D000", refused.getSQLState(), "invalid_catalog_name: " + refused.getMessage());

      ExecutionException waited = assertThrows(ExecutionException.class, () -> early.get(10, TimeUnit.SECONDS));
      SQLException failed = (SQLException) waited.getCause();
      assertEquals(refused, failed.getCause(), "the caller is told why");
      SQLException later = assertThrows(SQLException.class, () -> database.dataSource().getConnection());
      assertEquals(refused, later.getCause());
    }
  }

  @Test
  void closingBeforeConnectFailsTheWaitingCallers() throws Exception {
    CompletableFuture<Integer> early;
    try (Database database = Database.prepare(db.settings(), "connect-test-closed", DataSources.DEFAULT_CONNECT_TIMEOUT, null)) {
      early = CompletableFuture.supplyAsync(() -> selectOne(database));
      assertFalse(early.isDone());
    }
    ExecutionException waited = assertThrows(ExecutionException.class, () -> early.get(10, TimeUnit.SECONDS));
    assertTrue(waited.getCause() instanceof SQLException, waited.toString());
  }

  @Test
  void openConnectsAtOnceAndFailsAtOnce() {
    try (Database database = Database.open(db.settings(), "connect-test-open", DataSources.DEFAULT_CONNECT_TIMEOUT)) {
      assertTrue(database.pool().getHikariPoolMXBean().getTotalConnections() >= 1);
      assertEquals(1, selectOne(database));
    }
    PoolInitializationException e = assertThrows(PoolInitializationException.class,
        () -> Database.open(missingDatabase(), "connect-test-open-missing", DataSources.DEFAULT_CONNECT_TIMEOUT));
    assertEquals("3D000", ((SQLException) e.getCause()).getSQLState());
  }

  @Test
  void theLocaleProviderIsNamedOnlyWherePostgresqlHasIt() {
    assertEquals("create database \"rp x\" template template0 lc_collate 'C' locale_provider libc",
        DatabaseCreator.createStatement("rp x", 15));
    assertEquals("create database \"rp x\" template template0 lc_collate 'C'", DatabaseCreator.createStatement("rp x", 14));
  }

  @Test
  void anExistingDatabaseIsNotLookedUpInTheMaintenanceDatabase() throws Exception {
    // A user without access to the maintenance database (here: one that does not exist) still
    // starts on its own database.
    assertFalse(DatabaseCreator.ensureExists(db.settings(), "rp_no_such_maintenance_database"));
  }

  @Test
  void aMissingDatabaseIsCreatedOnceWithBytewiseCollation() throws Exception {
    DatabaseSettings missing = missingDatabase();
    try {
      assertTrue(DatabaseCreator.ensureExists(missing), "created now");
      assertFalse(DatabaseCreator.ensureExists(missing), "there already");
      try (Database database = Database.open(missing, "connect-test-created", DataSources.DEFAULT_CONNECT_TIMEOUT)) {
        assertEquals(1, selectOne(database));
        // Bytewise collation for the text keys; the server's character classes for lower()/upper().
        assertEquals("C", DatabaseCreator.collation(database.dataSource()));
        assertTrue(DatabaseCreator.bytewise(DatabaseCreator.collation(database.dataSource())));
        assertEquals(characterClasses(db.settings(), "template0"), characterClasses(missing, databaseName(missing)));
      }
    } finally {
      try (Connection c = DriverManager.getConnection(db.settings().jdbcUrl(), credentials(db.settings()));
          Statement s = c.createStatement()) {
        s.execute("drop database if exists \"" + databaseName(missing) + "\" with (force)");
      }
    }
  }

  private static String characterClasses(DatabaseSettings settings, String database) throws SQLException {
    try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), credentials(settings));
        var query = c.prepareStatement("select datctype from pg_database where datname = ?")) {
      query.setString(1, database);
      try (var rs = query.executeQuery()) {
        assertTrue(rs.next(), database);
        return rs.getString(1);
      }
    }
  }

  private static Properties credentials(DatabaseSettings settings) {
    Properties credentials = new Properties();
    if (settings.user() != null && !settings.user().isEmpty()) {
      credentials.setProperty("user", settings.user());
    }
    if (settings.password() != null && !settings.password().isEmpty()) {
      credentials.setProperty("password", settings.password());
    }
    return credentials;
  }

  private static String databaseName(DatabaseSettings settings) {
    return java.util.Objects.requireNonNull(org.postgresql.Driver.parseURL(settings.jdbcUrl(), null))
        .getProperty("PGDBNAME");
  }

  /** The test database's server, a database on it that does not exist. */
  private static DatabaseSettings missingDatabase() {
    DatabaseSettings settings = db.settings();
    String url = DatabaseCreator.withDatabase(settings.jdbcUrl(), databaseName(settings), "rp_missing_" + UUID.randomUUID().toString().replace("-", ""));
    return new DatabaseSettings(url, settings.user(), settings.password(), 2);
  }

  private static int selectOne(Database database) {
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select 1")) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new java.util.concurrent.CompletionException(e);
    }
  }
}
