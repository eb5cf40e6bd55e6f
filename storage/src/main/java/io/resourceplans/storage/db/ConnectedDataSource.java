package io.resourceplans.storage.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;

/**
 * The pool as the service sees it: connections are handed out once {@link Database#connect()} has
 * connected the pool; a caller that comes earlier waits for it, and gets an SQLException if the
 * database never connected. So a server can be wired while its database is still starting, and
 * nothing it does meanwhile can start the pool against a database that is not there yet.
 */
final class ConnectedDataSource extends ForwardingDataSource {
  private final CompletableFuture<Void> connected = new CompletableFuture<>();

  ConnectedDataSource(DataSource pool) {
    super(pool);
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
    return delegate().getConnection();
  }

  private void awaitConnected() throws SQLException {
    try {
      connected.join(); // a field read once connected
    } catch (CompletionException e) {
      throw new SQLException("the database is not connected: " + e.getCause().getMessage(), "08003", e.getCause());
    }
  }
}
