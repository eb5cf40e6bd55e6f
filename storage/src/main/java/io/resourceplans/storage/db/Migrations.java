package io.resourceplans.storage.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date with the migrations in {@code db/migration}. A database that was
 * brought fully up to date with exactly these migrations (the same {@link MigrationFiles#digest()},
 * kept in {@code rp_schema_stamp}, V21.1) is left as it is without starting Flyway, whose scan,
 * parsing and validation cost about as much CPU as the rest of a start (docs/benchmark.md). Any
 * other database, one of an older or a newer release included, goes through Flyway as before.
 */
public final class Migrations {
  private static final Logger log = LoggerFactory.getLogger(Migrations.class);
  static final String LOCATION = "db/migration";

  /** The states of a history in which every migration of this build has run and nothing else. */
  private static final Set<MigrationState> UP_TO_DATE = EnumSet.of(MigrationState.SUCCESS, MigrationState.SUPERSEDED);

  private Migrations() {}

  /** Returns how many migrations were applied now. */
  public static int migrate(DataSource dataSource) {
    String digest = MigrationFiles.onClasspath(Migrations.class.getClassLoader(), LOCATION).digest();
    if (digest.equals(stamp(dataSource))) {
      return 0;
    }
    Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:" + LOCATION).load();
    int applied = flyway.migrate().migrationsExecuted;
    MigrationInfo[] all = flyway.info().all();
    // Not after a partial run or on a newer release's schema (its later migrations are "future"
    // here): the next start of this release would wrongly skip them, or a newer one its own.
    if (Arrays.stream(all).allMatch(i -> UP_TO_DATE.contains(i.getState()))) {
      writeStamp(dataSource, digest);
    }
    return applied;
  }

  /** The database's stamp; null when it has none (a new database, or one from before V21.1). */
  private static String stamp(DataSource dataSource) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement query = c.prepareStatement("select digest from rp_schema_stamp where id = 1");
        ResultSet rs = query.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      // No stamp table yet, or no database: Flyway makes the one or reports the other.
      log.debug("no schema stamp ({}); migrations run", e.getSQLState());
      return null;
    }
  }

  private static void writeStamp(DataSource dataSource, String digest) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement upsert = c.prepareStatement("""
            insert into rp_schema_stamp (id, digest, stamp_time) values (1, ?, now())
            on conflict (id) do update set digest = excluded.digest, stamp_time = excluded.stamp_time
            """)) {
      upsert.setString(1, digest);
      upsert.executeUpdate();
    } catch (SQLException e) {
      // Only the next start's shortcut is lost.
      log.warn("schema stamp not written ({}); the next start runs the migrations' checks again", e.getSQLState());
    }
  }
}
