package io.resourceplans.storage.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.resourceplans.domain.common.Ids;
import io.resourceplans.storage.db.DataSources;
import io.resourceplans.storage.db.DatabaseCreator;
import io.resourceplans.storage.db.DatabaseSettings;
import io.resourceplans.storage.db.EmbeddedDatabase;
import io.resourceplans.storage.db.Migrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A fresh, migrated PostgreSQL database for one test class, dropped on close. The server is the one
 * named by {@code RP_TEST_DATABASE_URL} (a JDBC URL of any database on it, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}); without it, one embedded
 * PostgreSQL is started per test JVM.
 */
public final class TestDatabase implements AutoCloseable {
  public static final String URL_VARIABLE = "RP_TEST_DATABASE_URL";

  private static DatabaseSettings server;

  private final DatabaseSettings settings;
  private final HikariDataSource dataSource;

  private TestDatabase(DatabaseSettings settings, HikariDataSource dataSource) {
    this.settings = settings;
    this.dataSource = dataSource;
  }

  public static TestDatabase create() {
    return create(null);
  }

  /** Migrated up to and including {@code targetVersion} only (null: every migration). */
  public static TestDatabase create(String targetVersion) {
    try {
      DatabaseSettings base = server();
      String name = Ids.newId("rp_test").replace('-', '_');
      DatabaseSettings settings = new DatabaseSettings(
          withDatabase(base.jdbcUrl(), name), base.user(), base.password(), 8);
      DatabaseCreator.ensureExists(settings);
      HikariDataSource dataSource = DataSources.pool(settings, name);
      if (targetVersion == null) {
        Migrations.migrate(dataSource);
      } else {
        org.flywaydb.core.Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
            .target(targetVersion).load().migrate();
      }
      return new TestDatabase(settings, dataSource);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create a test database", e);
    }
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public DatabaseSettings settings() {
    return settings;
  }

  /** Settings of the test PostgreSQL server's maintenance database. */
  public static synchronized DatabaseSettings server() throws Exception {
    if (server == null) {
      String url = System.getenv(URL_VARIABLE);
      if (url != null && !url.isBlank()) {
        server = new DatabaseSettings(url, null, null, 2);
      } else {
        Path dir = Files.createTempDirectory("rp-test-pg");
        EmbeddedDatabase embedded = EmbeddedDatabase.start(dir, 0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            embedded.close();
          } catch (Exception ignored) {
            // the JVM is going away either way
          }
        }));
        server = embedded.settings("postgres", 2);
      }
    }
    return server;
  }

  private static String withDatabase(String jdbcUrl, String database) {
    int query = jdbcUrl.indexOf('?');
    String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    String params = query < 0 ? "" : jdbcUrl.substring(query);
    return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
  }

  @Override
  public void close() {
    dataSource.close();
    String maintenance = withDatabase(settings.jdbcUrl(), "postgres");
    try (var c = DriverManager.getConnection(maintenance, credentials());
        var s = c.createStatement()) {
      String name = settings.jdbcUrl().replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
      s.execute("drop database if exists \"" + name + "\" with (force)");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop test database", e);
    }
  }

  private java.util.Properties credentials() {
    var p = new java.util.Properties();
    if (settings.user() != null) {
      p.setProperty("user", settings.user());
    }
    if (settings.password() != null && !settings.password().isEmpty()) {
      p.setProperty("password", settings.password());
    }
    return p;
  }
}
