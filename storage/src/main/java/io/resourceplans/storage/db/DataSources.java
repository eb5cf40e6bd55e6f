package io.resourceplans.storage.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** HikariCP pools. */
public final class DataSources {
  private DataSources() {}

  public static HikariDataSource pool(DatabaseSettings settings, String poolName) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.jdbcUrl());
    if (settings.user() != null && !settings.user().isEmpty()) {
      config.setUsername(settings.user());
    }
    if (settings.password() != null && !settings.password().isEmpty()) {
      config.setPassword(settings.password());
    }
    config.setMaximumPoolSize(settings.poolSize());
    config.setPoolName(poolName);
    config.setAutoCommit(true);
    // Set once per connection, so transactions need not set it (a round trip each time).
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    config.setConnectionTimeout(10_000);
    return new HikariDataSource(config);
  }
}
