package io.resourceplans.storage.db;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.pool.HikariPool.PoolInitializationException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * The service's database: a HikariCP pool, and a probe that watches whether PostgreSQL answers.
 * When the probe finds it down, the pool's idle connections are dropped at once (those in use are
 * dropped when returned), so none that the outage broke is handed out after it; new connections
 * wait for the probe (see {@link OutageAwareDataSource}).
 */
public final class Database implements AutoCloseable {
  private final DatabaseReachability reachability;
  private final HikariDataSource pool;
  private final ConnectedDataSource dataSource;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Database(DatabaseReachability reachability, HikariDataSource pool) {
    this.reachability = reachability;
    this.pool = pool;
    this.dataSource = new ConnectedDataSource(pool);
  }

  /**
   * @param connectTimeout how long a caller waits for a pooled connection before it fails
   *     (DATABASE_UNAVAILABLE)
   */
  public static Database open(DatabaseSettings settings, String poolName, Duration connectTimeout) {
    return open(settings, poolName, connectTimeout, null);
  }

  /**
   * As {@link #open(DatabaseSettings, String, Duration)}, the pool reporting its connections
   * (active, idle, pending, timeouts, ...) to {@code poolMetrics} (HikariCP's own interface; the
   * server passes its Micrometer registry's); null = no pool metrics.
   */
  public static Database open(
      DatabaseSettings settings, String poolName, Duration connectTimeout, MetricsTrackerFactory poolMetrics) {
    Database database = prepare(settings, poolName, connectTimeout, poolMetrics);
    try {
      database.connect();
    } catch (SQLException e) {
      database.close();
      throw new PoolInitializationException(e);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    return database;
  }

  /**
   * As {@link #open(DatabaseSettings, String, Duration, MetricsTrackerFactory)}, but without
   * connecting: no connection is made, and the data source makes its callers wait, until {@link
   * #connect()}. So the server is wired while its database starts (Main).
   */
  public static Database prepare(
      DatabaseSettings settings, String poolName, Duration connectTimeout, MetricsTrackerFactory poolMetrics) {
    DatabaseReachability reachability = new DatabaseReachability(settings);
    HikariDataSource pool =
        DataSources.unstartedPool(
            settings, poolName, connectTimeout, new OutageAwareDataSource(settings, reachability), poolMetrics);
    return new Database(reachability, pool);
  }

  /**
   * Makes the pool's first connection, failing at once if PostgreSQL refuses it, then starts
   * watching the database; callers of {@link #dataSource()} waiting for this go on. Called once.
   */
  public void connect() throws SQLException {
    try {
      // A pool made without connecting starts at its first connection (HikariCP's lazy start),
      // which fails as a pool started at once would.
      pool.getConnection().close();
    } catch (SQLException | RuntimeException e) {
      dataSource.markFailed(e);
      throw e;
    }
    reachability.onChange(
        up -> {
          if (!up) {
            pool.getHikariPoolMXBean().softEvictConnections();
          }
        });
    reachability.start();
    dataSource.markConnected();
  }

  /** The pool's connections, once {@link #connect()} has connected it. */
  public DataSource dataSource() {
    return dataSource;
  }

  public HikariDataSource pool() {
    return pool;
  }

  public DatabaseReachability reachability() {
    return reachability;
  }

  /** Closes the pool and stops watching the database; callers still waiting for the connection fail. Idempotent. */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    dataSource.markFailed(new SQLException("the database was closed"));
    pool.close();
    reachability.close();
  }
}
