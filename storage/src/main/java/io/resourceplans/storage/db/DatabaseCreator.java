package io.resourceplans.storage.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.Driver;

/**
 * Creates the database a JDBC URL names when it does not exist yet, with bytewise ("C") collation:
 * see {@link #create}.
 */
public final class DatabaseCreator {
  private DatabaseCreator() {}

  /** The database a missing database is created from. */
  static final String MAINTENANCE_DATABASE = "postgres";

  /** SQLSTATEs: the database a connection names does not exist; the database to create does. */
  private static final String INVALID_CATALOG_NAME = "3D000";
  private static final String DUPLICATE_DATABASE = "42P04";

  /** Collations under which PostgreSQL compares text bytewise (memcmp), without the C library. */
  private static final Set<String> BYTEWISE_COLLATIONS = Set.of("C", "POSIX");

  /**
   * Returns true if the database was created now. The database itself is tried first: a user
   * that may connect only to its own database (no CONNECT on {@code postgres}, as some managed
   * services set it up) starts as well as one that may create it, and the maintenance database is
   * connected to only when the database is missing.
   */
  public static boolean ensureExists(DatabaseSettings settings) throws SQLException {
    return ensureExists(settings, MAINTENANCE_DATABASE);
  }

  static boolean ensureExists(DatabaseSettings settings, String maintenanceDatabase) throws SQLException {
    Properties parsed = Driver.parseURL(settings.jdbcUrl(), null);
    if (parsed == null) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL");
    }
    String database = parsed.getProperty("PGDBNAME");
    Properties credentials = new Properties();
    if (settings.user() != null && !settings.user().isEmpty()) {
      credentials.setProperty("user", settings.user());
    }
    if (settings.password() != null && !settings.password().isEmpty()) {
      credentials.setProperty("password", settings.password());
    }
    try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), credentials)) {
      return false;
    } catch (SQLException e) {
      if (!INVALID_CATALOG_NAME.equals(e.getSQLState())) {
        throw e;
      }
    }
    String maintenanceUrl = withDatabase(settings.jdbcUrl(), database, maintenanceDatabase);
    try (Connection c = DriverManager.getConnection(maintenanceUrl, credentials)) {
      create(c, database);
      return true;
    } catch (SQLException e) {
      if (DUPLICATE_DATABASE.equals(e.getSQLState())) { // another replica won the race
        return false;
      }
      throw e;
    }
  }

  /**
   * Creates {@code database} on the server {@code maintenance} is connected to: from template0 with
   * the "C" collation of the C library's provider (the character classes, which lower() and upper()
   * use, stay the server's default). Every key this service looks up or inserts is text (account,
   * package, usage and request IDs), and under a locale's collation each index comparison goes
   * through the C library's strcoll: a tenth of PostgreSQL's time on the batch RPC, half that under
   * "C" (docs/benchmark.md, issue 18, session 21). Bytewise order also cannot change under an index
   * with an upgrade of the C library, and for UTF-8 it is the code-point order that C.UTF-8 gives.
   * The server, the tests and the benchmark create their databases with it.
   */
  public static void create(Connection maintenance, String database) throws SQLException {
    try (var create = maintenance.createStatement()) {
      create.execute(createStatement(database, maintenance.getMetaData().getDatabaseMajorVersion()));
    }
  }

  static String createStatement(String database, int serverMajorVersion) {
    // LOCALE_PROVIDER (PostgreSQL 15 and later): the C library's, under which "C" is bytewise, also
    // on a cluster whose default provider is ICU.
    return "create database " + quoteIdentifier(database) + " template template0 lc_collate 'C'"
        + (serverMajorVersion >= 15 ? " locale_provider libc" : "");
  }

  /**
   * The default collation of the database {@code dataSource} connects to: the C library's locale
   * name ("C", "en_US.UTF-8"), or the provider's name when it is another (ICU, builtin).
   */
  public static String collation(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var query = c.createStatement();
        ResultSet rs = query.executeQuery("select datcollate, "
            + (c.getMetaData().getDatabaseMajorVersion() >= 15 ? "datlocprovider::text" : "'c'")
            + " from pg_database where datname = current_database()")) {
      rs.next();
      return switch (rs.getString(2)) {
        case "c" -> rs.getString(1);
        case "i" -> "ICU";
        case "b" -> "builtin";
        default -> "provider " + rs.getString(2);
      };
    }
  }

  /** Whether text compares bytewise under {@code collation}, as in a database this class creates. */
  public static boolean bytewise(String collation) {
    return BYTEWISE_COLLATIONS.contains(collation);
  }

  static String withDatabase(String jdbcUrl, String from, String to) {
    int query = jdbcUrl.indexOf('?');
    String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    String params = query < 0 ? "" : jdbcUrl.substring(query);
    if (!base.endsWith("/" + from)) {
      throw new IllegalArgumentException("cannot find the database name in the JDBC URL");
    }
    return base.substring(0, base.length() - from.length()) + to + params;
  }

  static String quoteIdentifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
