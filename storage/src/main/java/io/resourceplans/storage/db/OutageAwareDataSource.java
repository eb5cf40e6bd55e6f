package io.resourceplans.storage.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The pool's source of new connections. While the probe finds the database down, a new connection
 * waits for it to answer again instead of failing at once: HikariCP backs off after each failed
 * attempt (doubling up to 5 s), which after an outage of a few seconds delayed the first success by
 * up to 5 s. Only the pool's own connection-adding thread waits here; callers wait in the pool,
 * bounded by its connection timeout.
 */
final class OutageAwareDataSource extends ForwardingDataSource {
  /** Longest wait before an attempt is made anyway (the probe could be wrong). */
  private static final Duration MAX_WAIT = Duration.ofSeconds(30);

  private final DatabaseReachability reachability;

  OutageAwareDataSource(DatabaseSettings settings, DatabaseReachability reachability) {
    super(postgres(settings));
    this.reachability = reachability;
  }

  private static PGSimpleDataSource postgres(DatabaseSettings settings) {
    PGSimpleDataSource postgres = new PGSimpleDataSource();
    postgres.setURL(settings.jdbcUrl());
    if (settings.user() != null && !settings.user().isEmpty()) {
      postgres.setUser(settings.user());
    }
    if (settings.password() != null && !settings.password().isEmpty()) {
      postgres.setPassword(settings.password());
    }
    return postgres;
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
    return delegate().getConnection();
  }
}
