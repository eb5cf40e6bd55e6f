package io.resourceplans.storage.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * What the database is: one PostgreSQL server, or the coordinator of a Citus cluster, where V18
 * distributed the per-account tables by account (docs/scaling.md). The few statements Citus cannot
 * run as written (a row lock across shards) and the usage batcher's grouping depend on it.
 */
public enum DatabaseEngine {
  POSTGRESQL,
  CITUS;

  /** The engine behind {@code dataSource}, asked once (the citus extension is installed or not). */
  public static DatabaseEngine of(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return of(c);
    } catch (SQLException e) {
      throw new Sql.SqlFailure(e);
    }
  }

  /** The engine behind {@code c}. */
  static DatabaseEngine of(Connection c) {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select exists (select 1 from pg_extension where extname = 'citus')")) {
      rs.next();
      return rs.getBoolean(1) ? CITUS : POSTGRESQL;
    } catch (SQLException e) {
      throw new Sql.SqlFailure(e);
    }
  }
}
