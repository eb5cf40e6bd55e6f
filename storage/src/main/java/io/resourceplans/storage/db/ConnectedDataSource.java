package io.resourceplans.storage.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The pool as the service sees it: connections are handed out once {@link Database#connect()} has
 * connected the pool; a caller that comes earlier waits for it, and gets an SQLException if the
 * database never connected. So a server can be wired while its database is still starting, and
 * nothing it does meanwhile can start the pool against a database that is not there yet.
 */
final class ConnectedDataSource implements DataSource {
  private final DataSource pool;
  private final CompletableFuture<Void> connected = new CompletableFuture<>();

  ConnectedDataSource(DataSource pool) {
    this.pool = pool;
  }

  void markConnected() {
    connected.complete(null);
  }

  /** Callers waiting, or coming later, get {@code failure} (as an SQLException's cause). */
  void markFailed(Throwable failure) {
    connected.completeExceptionally(failure);
  }

  @Override
  public Connection getConnection() throws SQLException {
    awaitConnected();
    return pool.getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the pool's connections have the configured credentials");
  }

  private void awaitConnected() throws SQLException {
    try {
      connected.join(); // a field read once connected
    } catch (CompletionException e) {
      throw new SQLException("the database is not connected: " + e.getCause().getMessage(), "08003", e.getCause());
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return pool.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    pool.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    pool.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return pool.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return pool.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || pool.isWrapperFor(type);
  }
}
