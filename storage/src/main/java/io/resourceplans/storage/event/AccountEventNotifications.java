package io.resourceplans.storage.event;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * One connection LISTENing on {@link AccountEventDao#CHANNEL}: the IDs of the accounts whose events
 * committed, as PostgreSQL delivers their NOTIFY (after the commit, in commit order). The connection
 * is one of its own, not the pool's: it is held as long as anyone listens, and a pool connection
 * held for good would be one fewer for the calls. It is closed on {@link #close}. Not thread-safe: one
 * listening thread uses it. On Citus it is a connection to the coordinator, where the writing
 * transactions' pg_notify runs (AccountEventDao#notifyWatchers).
 */
public final class AccountEventNotifications implements AutoCloseable {
  private final Connection connection;
  private final PGConnection postgres;

  private AccountEventNotifications(Connection connection) throws SQLException {
    this.connection = connection;
    this.postgres = connection.unwrap(PGConnection.class);
  }

  /**
   * Opens a connection to {@code dataSource}'s database (outside the pool when it is a HikariCP pool,
   * from the same source or URL and credentials) and starts listening.
   */
  public static AccountEventNotifications listen(DataSource dataSource) throws SQLException {
    Connection c = unpooled(dataSource);
    try {
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        s.execute("listen " + AccountEventDao.CHANNEL);
      }
      return new AccountEventNotifications(c);
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  private static Connection unpooled(DataSource dataSource) throws SQLException {
    // The server's data source wraps its pool (ConnectedDataSource): unwrapped, not cast.
    if (!dataSource.isWrapperFor(HikariDataSource.class)) {
      return dataSource.getConnection();
    }
    HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
    if (pool.getDataSource() != null) {
      return pool.getDataSource().getConnection();
    }
    return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
  }

  /**
   * The accounts notified since the last call, waiting up to {@code timeout} for the first; empty
   * when none came. Throws when the connection is lost (then nothing more is heard on it).
   */
  public Set<String> await(Duration timeout) throws SQLException {
    PGNotification[] notifications = postgres.getNotifications((int) Math.max(1, Math.min(timeout.toMillis(), Integer.MAX_VALUE)));
    Set<String> accounts = new LinkedHashSet<>();
    if (notifications != null) {
      for (PGNotification n : notifications) {
        if (AccountEventDao.CHANNEL.equals(n.getName()) && !n.getParameter().isEmpty()) {
          accounts.add(n.getParameter());
        }
      }
    }
    return accounts;
  }

  @Override
  public void close() {
    // Ending the session ends its LISTEN.
    try {
      connection.close();
    } catch (SQLException ignored) {
      // Closed or broken either way.
    }
  }
}
