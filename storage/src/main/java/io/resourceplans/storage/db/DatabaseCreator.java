package io.resourceplans.storage.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.postgresql.Driver;

/** Creates the database a JDBC URL names when it does not exist yet. */
public final class DatabaseCreator {
  private DatabaseCreator() {}

  /** Returns true if the database was created now. */
  public static boolean ensureExists(DatabaseSettings settings) throws SQLException {
    Properties parsed = Driver.parseURL(settings.jdbcUrl(), null);
    if (parsed == null) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL");
    }
    String database = parsed.getProperty("PGDBNAME");
    String maintenanceUrl = withDatabase(settings.jdbcUrl(), database, "postgres");
    Properties credentials = new Properties();
    if (settings.user() != null && !settings.user().isEmpty()) {
      credentials.setProperty("user", settings.user());
    }
    if (settings.password() != null && !settings.password().isEmpty()) {
      credentials.setProperty("password", settings.password());
    }
    try (Connection c = DriverManager.getConnection(maintenanceUrl, credentials)) {
      try (var check = c.prepareStatement("select 1 from pg_database where datname = ?")) {
        check.setString(1, database);
        try (var rs = check.executeQuery()) {
          if (rs.next()) {
            return false;
          }
        }
      }
      try (var create = c.createStatement()) {
        create.execute("create database " + quoteIdentifier(database));
      } catch (SQLException e) {
        if ("42P04".equals(e.getSQLState())) { // duplicate_database: another replica won the race
          return false;
        }
        throw e;
      }
      return true;
    }
  }

  static String withDatabase(String jdbcUrl, String from, String to) {
    int query = jdbcUrl.indexOf('?');
    String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    String params = query < 0 ? "" : jdbcUrl.substring(query);
    if (!base.endsWith("/" + from)) {
      throw new IllegalArgumentException("cannot find the database name in the JDBC URL");
    }
    return base.substring(0, base.length() - from.length()) + to + params;
  }

  static String quoteIdentifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
