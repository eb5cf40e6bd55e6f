package io.resourceplans.bench;

import io.resourceplans.storage.db.DatabaseCreator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * The PostgreSQL server the benchmark runs on, read from the server database's JDBC URL: it makes
 * fresh databases there and tells pgbench how to reach it. With Citus workers named, the server is
 * a Citus coordinator, and every fresh database is a Citus database on every node.
 */
final class BenchDatabase {
  private final String jdbcUrl;
  private final Properties parsed;
  private final List<String> citusWorkers;

  private BenchDatabase(String jdbcUrl, Properties parsed, List<String> citusWorkers) {
    this.jdbcUrl = jdbcUrl;
    this.parsed = parsed;
    this.citusWorkers = citusWorkers;
  }

  static BenchDatabase of(String jdbcUrl, List<String> citusWorkers) {
    Properties parsed = Driver.parseURL(jdbcUrl, null);
    if (parsed == null) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
    }
    if (parsed.getProperty("PGHOST", "").contains(",")) {
      throw new IllegalArgumentException("the benchmark needs a single PostgreSQL host, not " + parsed.getProperty("PGHOST"));
    }
    return new BenchDatabase(jdbcUrl, parsed, citusWorkers);
  }

  String jdbcUrl() {
    return jdbcUrl;
  }

  String name() {
    return parsed.getProperty("PGDBNAME");
  }

  String host() {
    return parsed.getProperty("PGHOST", "localhost");
  }

  String port() {
    return parsed.getProperty("PGPORT", "5432");
  }

  Optional<String> user() {
    return Optional.ofNullable(parsed.getProperty("user")).filter(u -> !u.isEmpty());
  }

  Optional<String> password() {
    return Optional.ofNullable(parsed.getProperty("password")).filter(p -> !p.isEmpty());
  }

  /** The same server and parameters, another database. */
  String jdbcUrlFor(String database) {
    int query = jdbcUrl.indexOf('?');
    String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    String params = query < 0 ? "" : jdbcUrl.substring(query);
    if (!base.endsWith("/" + name())) {
      throw new IllegalArgumentException("cannot find the database name in " + jdbcUrl);
    }
    return base.substring(0, base.length() - name().length()) + database + params;
  }

  boolean citus() {
    return !citusWorkers.isEmpty();
  }

  /**
   * Drops the database (closing its sessions) if it exists, then creates it empty; on Citus, on
   * every node (the coordinator first), with the citus extension and the workers registered.
   */
  void recreate(String database) throws SQLException {
    String quoted = "\"" + database.replace("\"", "\"\"") + "\"";
    List<String> nodes = new ArrayList<>();
    nodes.add(host() + ":" + port());
    nodes.addAll(citusWorkers);
    for (String node : nodes) {
      try (Connection c = DriverManager.getConnection(onNode(node, "postgres"));
          var statement = c.createStatement()) {
        statement.execute("drop database if exists " + quoted + " with (force)");
        DatabaseCreator.create(c, database);
      }
      if (citus()) {
        try (Connection c = DriverManager.getConnection(onNode(node, database));
            var statement = c.createStatement()) {
          statement.execute("create extension citus");
        }
      }
    }
    if (citus()) {
      try (Connection c = DriverManager.getConnection(jdbcUrlFor(database));
          var statement = c.createStatement()) {
        statement.execute("select citus_set_coordinator_host('" + host() + "', " + port() + ")");
        for (String worker : citusWorkers) {
          int colon = worker.lastIndexOf(':');
          statement.execute("select citus_add_node('" + worker.substring(0, colon) + "', " + worker.substring(colon + 1) + ")");
        }
      }
    }
  }

  /** Runs {@code sql} on the coordinator's {@code database}. */
  void execute(String database, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrlFor(database));
        var statement = c.createStatement()) {
      statement.execute(sql);
    }
  }

  private String onNode(String hostAndPort, String database) {
    return jdbcUrlFor(database).replaceFirst("//[^/]+/", "//" + hostAndPort + "/");
  }

  /** The server's version, e.g. "PostgreSQL 15.20 (Debian 15.20-0+deb12u1)", for the report. */
  String serverVersion() throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrlFor("postgres"));
        var statement = c.createStatement();
        var rs = statement.executeQuery("select current_setting('server_version')")) {
      rs.next();
      return "PostgreSQL " + rs.getString(1);
    }
  }

  /** Host, port and user as {@code pgbench}/{@code psql} arguments. */
  List<String> connectionArguments() {
    List<String> args = new ArrayList<>(List.of("-h", host(), "-p", port()));
    user().ifPresent(u -> args.addAll(List.of("-U", u)));
    return args;
  }
}
