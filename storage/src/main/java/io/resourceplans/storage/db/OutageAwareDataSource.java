package io.resourceplans.storage.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The pool's source of new connections. While the probe finds the database down, a new connection
 * waits for it to answer again instead of failing at once: HikariCP backs off after each failed
 * attempt (doubling up to 5 s), which after an outage of a few seconds delayed the first success by
 * up to 5 s. Only the pool's own connection-adding thread waits here; callers wait in the pool,
 * bounded by its connection timeout.
 */
final class OutageAwareDataSource implements DataSource {
  /** Longest wait before an attempt is made anyway (the probe could be wrong). */
  private static final Duration MAX_WAIT = Duration.ofSeconds(30);

  private final PGSimpleDataSource postgres = new PGSimpleDataSource();
  private final DatabaseReachability reachability;

  OutageAwareDataSource(DatabaseSettings settings, DatabaseReachability reachability) {
    postgres.setURL(settings.jdbcUrl());
    if (settings.user() != null && !settings.user().isEmpty()) {
      postgres.setUser(settings.user());
    }
    if (settings.password() != null && !settings.password().isEmpty()) {
      postgres.setPassword(settings.password());
    }
    this.reachability = reachability;
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (!reachability.isUp()) {
      try {
        reachability.awaitUp(MAX_WAIT);
      } catch (InterruptedException e) {
        // The pool is shutting down.
        Thread.currentThread().interrupt();
        throw new SQLTransientConnectionException("interrupted while the database was down", "08001", e);
      }
    }
    return postgres.getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("credentials come from the database settings");
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return postgres.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    postgres.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    postgres.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return postgres.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return postgres.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    return postgres.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || postgres.isWrapperFor(type);
  }
}
