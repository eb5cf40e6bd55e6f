package io.resourceplans.storage.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Asks PostgreSQL whether it answers, on one connection of its own: never the pool's, so the
 * answer does not wait behind the pool's connection timeout or busy connections. Not thread-safe;
 * {@link DatabaseReachability} calls it from one thread.
 */
final class DatabaseProbe implements AutoCloseable {
  private final DatabaseSettings settings;
  private final int timeoutMillis;
  private Connection connection;
  private String lastFailure = "none";

  DatabaseProbe(DatabaseSettings settings, Duration timeout) {
    this.settings = settings;
    this.timeoutMillis = (int) timeout.toMillis();
  }

  /**
   * True when a trivial query answers within the timeout. A kept connection that fails is retried
   * once on a fresh one: the server may have ended just that session (an idle timeout, a terminated
   * backend, a restarted pooler) while it answers, and that is no outage.
   */
  boolean answers() {
    boolean kept = connection != null;
    return query() || (kept && query());
  }

  private boolean query() {
    try {
      if (connection == null) {
        connection = connect();
      }
      try (Statement s = connection.createStatement()) {
        s.execute("select 1");
      }
      return true;
    } catch (SQLException | RuntimeException e) {
      lastFailure = SqlFailures.describe(e);
      close();
      return false;
    }
  }

  /** Why the last probe failed: exception classes and SQL states only. */
  String lastFailure() {
    return lastFailure;
  }

  private Connection connect() throws SQLException {
    Properties p = new Properties();
    if (settings.user() != null && !settings.user().isEmpty()) {
      p.setProperty("user", settings.user());
    }
    if (settings.password() != null && !settings.password().isEmpty()) {
      p.setProperty("password", settings.password());
    }
    String seconds = Integer.toString(Math.max(1, (timeoutMillis + 999) / 1000));
    p.setProperty("connectTimeout", seconds);
    p.setProperty("loginTimeout", seconds);
    p.setProperty("ApplicationName", "resource-plans database probe");
    Connection c = new Driver().connect(settings.jdbcUrl(), p);
    if (c == null) {
      throw new SQLException("not a PostgreSQL JDBC URL", "08001");
    }
    // Bounds every later query, in milliseconds (the driver's socket read timeout).
    c.setNetworkTimeout(Runnable::run, timeoutMillis);
    return c;
  }

  @Override
  public void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // the connection is being dropped either way
      }
      connection = null;
    }
  }
}
