package io.resourceplans.server.testing;

import io.resourceplans.storage.db.DatabaseSettings;
import io.resourceplans.storage.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * An account's wallet row locked by the test on a connection of its own (not the server's pool),
 * so that every server call that changes the wallet waits on it inside PostgreSQL. Lets a test
 * count, on the database, how many calls the server is running at once.
 */
public final class HeldWalletLock implements AutoCloseable {
  private final Connection connection;

  private HeldWalletLock(Connection connection) {
    this.connection = connection;
  }

  public static HeldWalletLock on(TestDatabase database, String accountId) throws SQLException {
    DatabaseSettings s = database.settings();
    Properties credentials = new Properties();
    if (s.user() != null && !s.user().isEmpty()) {
      credentials.setProperty("user", s.user());
    }
    if (s.password() != null && !s.password().isEmpty()) {
      credentials.setProperty("password", s.password());
    }
    Connection c = DriverManager.getConnection(s.jdbcUrl(), credentials);
    c.setAutoCommit(false);
    try (var st = c.prepareStatement("select 1 from wallets where account_id = ? for update")) {
      st.setString(1, accountId);
      try (var rs = st.executeQuery()) {
        if (!rs.next()) {
          c.close();
          throw new IllegalStateException("no wallet for " + accountId);
        }
      }
    }
    return new HeldWalletLock(c);
  }

  /** Sessions of this database waiting on a lock right now (the server's calls stuck behind ours). */
  public int waiters() throws SQLException {
    try (var st = connection.createStatement()) {
      // This connection is inside the transaction that holds the lock, and PostgreSQL keeps the
      // first pg_stat_activity snapshot a transaction reads until it ends: without clearing it,
      // every poll would see the waiters of the first one.
      st.execute("select pg_stat_clear_snapshot()");
    }
    try (var st = connection.createStatement();
        var rs = st.executeQuery(
            "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /**
   * Waits until {@code expected} sessions wait on the lock (at most {@code within}), then watches
   * for {@code watch} more; returns the most waiters seen.
   */
  public int mostWaiters(int expected, Duration within, Duration watch) throws SQLException, InterruptedException {
    int most = 0;
    long reachBy = System.nanoTime() + within.toNanos();
    while (most < expected && System.nanoTime() < reachBy) {
      most = Math.max(most, waiters());
      Thread.sleep(20);
    }
    long watchUntil = System.nanoTime() + watch.toNanos();
    while (System.nanoTime() < watchUntil) {
      most = Math.max(most, waiters());
      Thread.sleep(20);
    }
    return most;
  }

  /** Commits: the waiting calls go on. */
  @Override
  public void close() throws SQLException {
    try (connection) {
      connection.commit();
    }
  }
}
