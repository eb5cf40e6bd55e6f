package io.resourceplans.storage.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings the schema up to date with the migrations in {@code db/migration}. */
public final class Migrations {
  private Migrations() {}

  /** Returns how many migrations were applied now. */
  public static int migrate(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .load()
        .migrate()
        .migrationsExecuted;
  }
}
