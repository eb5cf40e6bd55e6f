package io.resourceplans.storage.event;

import java.sql.Connection;
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
 * comes from the pool and goes back to it, UNLISTENed, on {@link #close}. Not thread-safe: one
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

  /** Takes a connection from {@code dataSource} and starts listening. */
  public static AccountEventNotifications listen(DataSource dataSource) throws SQLException {
    Connection c = dataSource.getConnection();
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
    try (Statement s = connection.createStatement()) {
      s.execute("unlisten *");
    } catch (SQLException ignored) {
      // A broken connection: the pool drops it.
    }
    try {
      connection.close();
    } catch (SQLException ignored) {
      // Nothing more to release.
    }
  }
}
