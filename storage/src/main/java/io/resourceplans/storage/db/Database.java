package io.resourceplans.storage.db;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import java.time.Duration;
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

  private Database(DatabaseReachability reachability, HikariDataSource pool) {
    this.reachability = reachability;
    this.pool = pool;
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
    DatabaseReachability reachability = new DatabaseReachability(settings);
    HikariDataSource pool =
        DataSources.pool(
            settings, poolName, connectTimeout, new OutageAwareDataSource(settings, reachability), poolMetrics);
    reachability.onChange(
        up -> {
          if (!up) {
            pool.getHikariPoolMXBean().softEvictConnections();
          }
        });
    reachability.start();
    return new Database(reachability, pool);
  }

  public DataSource dataSource() {
    return pool;
  }

  public HikariDataSource pool() {
    return pool;
  }

  public DatabaseReachability reachability() {
    return reachability;
  }

  @Override
  public void close() {
    pool.close();
    reachability.close();
  }
}
