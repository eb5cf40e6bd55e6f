package io.resourceplans.storage.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import java.time.Duration;
import javax.sql.DataSource;

/** HikariCP pools. */
public final class DataSources {
  /** How long a caller waits for a pooled connection unless told otherwise. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);

  private DataSources() {}

  /** A pool of plain driver connections (tools and tests; the server uses {@link Database}). */
  public static HikariDataSource pool(DatabaseSettings settings, String poolName) {
    HikariConfig config = config(settings, poolName, DEFAULT_CONNECT_TIMEOUT);
    config.setJdbcUrl(settings.jdbcUrl());
    if (settings.user() != null && !settings.user().isEmpty()) {
      config.setUsername(settings.user());
    }
    if (settings.password() != null && !settings.password().isEmpty()) {
      config.setPassword(settings.password());
    }
    return new HikariDataSource(config);
  }

  /**
   * A pool whose connections come from {@code source}, which holds the credentials; it reports to
   * {@code metrics} unless that is null. Not started: HikariCP starts it at its first {@code
   * getConnection} (opening a first connection, and failing if it cannot), see {@link Database}.
   */
  static HikariDataSource unstartedPool(
      DatabaseSettings settings, String poolName, Duration connectTimeout, DataSource source, MetricsTrackerFactory metrics) {
    HikariConfig config = config(settings, poolName, connectTimeout);
    config.setDataSource(source);
    if (metrics != null) {
      config.setMetricsTrackerFactory(metrics);
    }
    HikariDataSource pool = new HikariDataSource();
    config.copyStateTo(pool);
    return pool;
  }

  private static HikariConfig config(DatabaseSettings settings, String poolName, Duration connectTimeout) {
    HikariConfig config = new HikariConfig();
    config.setMaximumPoolSize(settings.poolSize());
    config.setPoolName(poolName);
    config.setAutoCommit(true);
    // Set once per connection, so transactions need not set it (a round trip each time).
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    config.setConnectionTimeout(connectTimeout.toMillis());
    // A pooled connection idle for a while is checked before it is handed out; the check must not
    // take longer than a caller is willing to wait for a connection at all.
    config.setValidationTimeout(Math.min(1_000, Math.max(250, connectTimeout.toMillis() / 2)));
    return config;
  }
}
