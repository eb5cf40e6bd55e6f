package io.resourceplans.storage.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.resourceplans.domain.common.Ids;
import io.resourceplans.storage.db.DataSources;
import io.resourceplans.storage.db.Database;
import io.resourceplans.storage.db.DatabaseReachability;
import io.resourceplans.storage.db.DatabaseCreator;
import io.resourceplans.storage.db.DatabaseSettings;
import io.resourceplans.storage.db.EmbeddedDatabase;
import io.resourceplans.storage.db.Migrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A fresh, migrated PostgreSQL database for one test class, dropped on close. The server is the one
 * named by {@code RP_TEST_DATABASE_URL} (a JDBC URL of any database on it, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}); without it, one embedded
 * PostgreSQL is started per test JVM.
 *
 * <p>Migrating costs about a second, copying a database a fraction of that: the first database of a
 * JVM for each migration target is migrated into a template of that JVM's own (a unique name, so
 * concurrent JVMs never share or race on one), and every test database is a {@code CREATE DATABASE
 * ... TEMPLATE} copy of it. Nothing connects to a template after its migration (PostgreSQL refuses
 * to copy a database that has sessions), and the templates are dropped when the JVM exits.
 *
 * <p>When the named database is a Citus coordinator with workers (the Citus suite, docs/scaling.md),
 * each test database is a Citus database of its own instead: created on the coordinator and on
 * every worker, with the citus extension and the workers registered, then migrated, which
 * distributes the tables (V18). No template: Citus keeps sessions open on its databases. Tables get
 * {@value #CITUS_SHARD_COUNT} shards, not 32, so that a test database is made in seconds.
 *
 * <p>Making one still takes seconds, one JVM at a time, so a fully migrated Citus database is not
 * dropped when its test class closes it: it is emptied back to what the migrations left (every
 * table truncated, the migrations' own rows put back) and the JVM's next class gets it. One whose
 * schema a test changed and did not change back is dropped instead. The JVM's spares are dropped
 * at its exit, and any a JVM left behind by the next one.
 */
public final class TestDatabase implements AutoCloseable {
  public static final String URL_VARIABLE = "RP_TEST_DATABASE_URL";
  static final int CITUS_SHARD_COUNT = 4;
  /**
   * How a Citus test database's name starts: with the test JVM's process ID after it, so that one
   * left behind by a JVM that ended without dropping it (its exit hook cut short) is known as such
   * and dropped by the next JVM ({@link #dropLeftCitusDatabases}).
   */
  private static final String CITUS_PREFIX = "rp_test_p";
  private static final java.util.regex.Pattern CITUS_OWNER = java.util.regex.Pattern.compile("rp_test_p([0-9]{1,18})_.+");
  /** The advisory lock (on the coordinator's postgres database) that test JVMs take turns on. */
  private static final long CITUS_CREATE_LOCK = 0x7270_6369_7475_73L;

  private static DatabaseSettings server;
  /** The server named by RP_TEST_DATABASE_URL, if it is one (its templates are dropped at exit). */
  private static DatabaseSettings external;
  /** Template database names by migration target ("" = every migration), of this JVM. */
  private static final Map<String, String> templates = new HashMap<>();
  /**
   * This JVM's plain test databases not closed yet: dropped at exit with a warning, since one left
   * open means a test class that never closed its own (e.g. a static server field of a test class
   * initialised by another class calling its static methods, in a JVM that does not run that class).
   */
  private static final java.util.Set<String> unclosed = new java.util.LinkedHashSet<>();
  private static boolean dropHookAdded;
  /** The Citus workers of the named database (host:port), empty when it is plain PostgreSQL. */
  private static List<String> citusWorkers;

  /** This JVM's emptied, fully migrated Citus databases, waiting for the next test class. */
  private static final Deque<String> spareCitusDatabases = new ArrayDeque<>();
  /** What each of this JVM's fully migrated Citus databases looked like before its first test class. */
  private static final Map<String, CitusBaseline> citusBaselines = new HashMap<>();
  private static boolean spareDropHookAdded;
  private static boolean leftoversDropped;

  private final DatabaseSettings settings;
  private final Database database;
  /** Whether closing drops the database (not for a {@link #replica}). */
  private final boolean owner;
  /** Whether closing may keep the database for the next test class (fully migrated, on Citus). */
  private final boolean reusable;

  private TestDatabase(DatabaseSettings settings, Database database) {
    this(settings, database, true, false);
  }

  private TestDatabase(DatabaseSettings settings, Database database, boolean owner, boolean reusable) {
    this.settings = settings;
    this.database = database;
    this.owner = owner;
    this.reusable = reusable;
  }

  /**
   * This database through a connection pool of its own, as a second server replica sees it.
   * Closing it closes only its pool; the database goes when this one is closed.
   */
  public TestDatabase replica() {
    return new TestDatabase(
        settings, Database.open(settings, name() + "_replica", DataSources.DEFAULT_CONNECT_TIMEOUT), false, false);
  }

  public static TestDatabase create() {
    return create(null);
  }

  /** Migrated up to and including {@code targetVersion} only (null: every migration). */
  public static TestDatabase create(String targetVersion) {
    try {
      DatabaseSettings base = server();
      String name = Ids.newId("rp_test").replace('-', '_');
      if (!citusWorkers.isEmpty()) {
        String suffix = name.substring("rp_test_".length());
        return createOnCitus(base, CITUS_PREFIX + ProcessHandle.current().pid() + "_" + suffix, targetVersion);
      }
      String template = template(base, targetVersion);
      try (Connection c = connect(base, "postgres");
          var s = c.createStatement()) {
        s.execute("create database \"" + name + "\" template \"" + template + "\"");
      }
      synchronized (TestDatabase.class) {
        unclosed.add(name);
      }
      DatabaseSettings settings = new DatabaseSettings(
          withDatabase(base.jdbcUrl(), name), base.user(), base.password(), 8);
      Database database = Database.open(settings, name, DataSources.DEFAULT_CONNECT_TIMEOUT);
      return new TestDatabase(settings, database);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create a test database", e);
    }
  }

  private static TestDatabase createOnCitus(DatabaseSettings base, String name, String targetVersion) throws Exception {
    boolean reusable = targetVersion == null;
    String spare = reusable ? takeSpareCitusDatabase() : null;
    if (spare != null) {
      DatabaseSettings settings = citusSettings(base, spare);
      return new TestDatabase(settings, Database.open(settings, spare, DataSources.DEFAULT_CONNECT_TIMEOUT), true, true);
    }
    DatabaseSettings settings = citusSettings(base, name);
    String coordinator = hostAndPort(base.jdbcUrl());
    // One test JVM at a time, up to the migrated schema: Citus syncs the role and its metadata to
    // the workers as it registers them and distributes objects, and two at once can fail on a
    // shared catalog ("tuple concurrently updated"). Closing the session unlocks.
    try (Connection lock = connect(base, coordinator, "postgres");
        var s = lock.createStatement()) {
      s.execute("select pg_advisory_lock(" + CITUS_CREATE_LOCK + ")");
      dropLeftCitusDatabases(base, lock);
      makeCitusDatabase(base, name);
      try (HikariDataSource pool = DataSources.pool(settings, name)) {
        migrate(pool, targetVersion);
      }
    }
    if (reusable) {
      try {
        recordCitusBaseline(settings, name);
      } catch (SQLException | RuntimeException e) {
        dropEverywhere(settings, name);
        throw e;
      }
    }
    return new TestDatabase(settings, Database.open(settings, name, DataSources.DEFAULT_CONNECT_TIMEOUT), true, reusable);
  }

  /**
   * Once per JVM, under the creation lock: drops the Citus test databases of test JVMs that are no
   * longer running (on every node), which would otherwise pile up, each with a Citus maintenance
   * process on every node.
   */
  private static synchronized void dropLeftCitusDatabases(DatabaseSettings base, Connection coordinator)
      throws SQLException {
    if (leftoversDropped) {
      return;
    }
    List<String> left = new ArrayList<>();
    try (var s = coordinator.createStatement();
        var rs = s.executeQuery("select datname from pg_database where datname like '" + CITUS_PREFIX + "%'")) {
      while (rs.next()) {
        String name = rs.getString(1);
        var owner = CITUS_OWNER.matcher(name);
        if (owner.matches() && ProcessHandle.of(Long.parseLong(owner.group(1))).isEmpty()) {
          left.add(name);
        }
      }
    }
    for (String name : left) {
      dropEverywhere(citusSettings(base, name), name);
    }
    leftoversDropped = true;
  }

  private static DatabaseSettings citusSettings(DatabaseSettings base, String name) {
    return new DatabaseSettings(withDatabase(base.jdbcUrl(), name), base.user(), base.password(), 8);
  }

  private static synchronized String takeSpareCitusDatabase() {
    return spareCitusDatabases.pollFirst();
  }

  /** The schema and the migrations' own rows of a new, fully migrated Citus database. */
  private static synchronized void recordCitusBaseline(DatabaseSettings settings, String name) throws SQLException {
    try (Connection c = connect(settings, hostAndPort(settings.jdbcUrl()), name)) {
      citusBaselines.put(name, CitusBaseline.read(c));
    }
    if (!spareDropHookAdded) {
      Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropSpareCitusDatabases));
      spareDropHookAdded = true;
    }
  }

  /**
   * Empties a fully migrated Citus database whose test class has ended back to the baseline and
   * keeps it for the next class; drops it when that fails or its schema is not the baseline's.
   */
  private void keepForNextClass() {
    String name = name();
    CitusBaseline baseline;
    synchronized (TestDatabase.class) {
      baseline = citusBaselines.get(name);
    }
    try (Connection c = connect(settings, hostAndPort(settings.jdbcUrl()), name)) {
      if (baseline != null && baseline.restore(c)) {
        synchronized (TestDatabase.class) {
          // Last in, first out: the next class gets the database just emptied.
          spareCitusDatabases.addFirst(name);
        }
        return;
      }
    } catch (SQLException e) {
      // Not reusable as it is: dropped below, as any test database.
      System.err.println("test database " + name + " not kept for the next class: " + e);
    }
    synchronized (TestDatabase.class) {
      citusBaselines.remove(name);
    }
    dropEverywhere(settings, name);
  }

  private static synchronized void dropSpareCitusDatabases() {
    for (String name : spareCitusDatabases) {
      try {
        dropEverywhere(citusSettings(external, name), name);
      } catch (RuntimeException e) {
        System.err.println("cannot drop the spare Citus test database " + name + ": " + e);
      }
    }
    spareCitusDatabases.clear();
  }

  /** {@code name} on every node with the citus extension, and the workers registered with the coordinator. */
  private static void makeCitusDatabase(DatabaseSettings base, String name) throws SQLException {
    for (String node : citusNodes(base)) {
      try (Connection c = connect(base, node, "postgres")) {
        DatabaseCreator.create(c, name);
      }
      try (Connection c = connect(base, node, name);
          var s = c.createStatement()) {
        s.execute("set client_min_messages = warning");
        s.execute("create extension citus");
      }
    }
    String coordinator = hostAndPort(base.jdbcUrl());
    try (Connection c = connect(base, coordinator, name);
        var s = c.createStatement()) {
      s.execute("alter database \"" + name + "\" set citus.shard_count = " + CITUS_SHARD_COUNT);
      s.execute("select citus_set_coordinator_host('" + host(coordinator) + "', " + port(coordinator) + ")");
      for (String worker : citusWorkers) {
        s.execute("select citus_add_node('" + host(worker) + "', " + port(worker) + ")");
      }
    }
  }

  /** Every node of the Citus cluster, the coordinator first. */
  private static List<String> citusNodes(DatabaseSettings base) {
    List<String> nodes = new ArrayList<>();
    nodes.add(hostAndPort(base.jdbcUrl()));
    nodes.addAll(citusWorkers);
    return nodes;
  }

  private static void migrate(DataSource pool, String targetVersion) {
    if (targetVersion == null) {
      Migrations.migrate(pool);
    } else {
      org.flywaydb.core.Flyway.configure().dataSource(pool).locations("classpath:db/migration")
          .target(targetVersion).load().migrate();
    }
  }

  /** This JVM's template for {@code targetVersion} on {@code base}'s server, migrated on first use. */
  private static synchronized String template(DatabaseSettings base, String targetVersion) throws Exception {
    String key = targetVersion == null ? "" : targetVersion;
    String name = templates.get(key);
    if (name != null) {
      return name;
    }
    name = Ids.newId("rp_template").replace('-', '_');
    DatabaseSettings settings = new DatabaseSettings(withDatabase(base.jdbcUrl(), name), base.user(), base.password(), 2);
    DatabaseCreator.ensureExists(settings);
    if (!dropHookAdded && base == external) {
      Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropTemplates));
      dropHookAdded = true;
    }
    try {
      // A plain pool (no reachability probe): closing it ends every session on the template.
      try (HikariDataSource pool = DataSources.pool(settings, name)) {
        migrate(pool, targetVersion);
      }
      try (Connection c = connect(base, "postgres");
          var s = c.createStatement()) {
        // Nobody can open a session on it by mistake, which would make the next copy fail.
        s.execute("alter database \"" + name + "\" with allow_connections false");
      }
    } catch (Exception e) {
      // Not kept half-migrated for the next class to copy.
      try (Connection c = connect(base, "postgres");
          var s = c.createStatement()) {
        s.execute("drop database if exists \"" + name + "\" with (force)");
      } catch (SQLException dropFailed) {
        e.addSuppressed(dropFailed);
      }
      throw e;
    }
    templates.put(key, name);
    return name;
  }

  /**
   * Drops this JVM's templates, and any test database left unclosed, from the external server (an
   * embedded one goes as a whole).
   */
  private static synchronized void dropTemplates() {
    try (Connection c = connect(external, "postgres");
        var s = c.createStatement()) {
      for (String name : unclosed) {
        System.err.println("test database " + name + " was never closed by its test class; dropped at exit");
        s.execute("drop database if exists \"" + name + "\" with (force)");
      }
      for (String name : templates.values()) {
        s.execute("drop database if exists \"" + name + "\"");
      }
    } catch (SQLException e) {
      System.err.println("cannot drop the test template databases " + templates.values() + ": " + e);
    }
  }

  private static Connection connect(DatabaseSettings base, String database) throws SQLException {
    return connect(base, hostAndPort(base.jdbcUrl()), database);
  }

  /** To {@code database} on the node {@code hostAndPort} of the test server's cluster. */
  private static Connection connect(DatabaseSettings base, String hostAndPort, String database) throws SQLException {
    var p = new java.util.Properties();
    if (base.user() != null) {
      p.setProperty("user", base.user());
    }
    if (base.password() != null && !base.password().isEmpty()) {
      p.setProperty("password", base.password());
    }
    String url = withDatabase(base.jdbcUrl(), database).replaceFirst("//[^/]+/", "//" + hostAndPort + "/");
    return DriverManager.getConnection(url, p);
  }

  private static String hostAndPort(String jdbcUrl) {
    return jdbcUrl.replaceFirst("^jdbc:postgresql://([^/]+)/.*$", "$1");
  }

  private static String host(String hostAndPort) {
    return hostAndPort.substring(0, hostAndPort.lastIndexOf(':'));
  }

  private static int port(String hostAndPort) {
    return Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1));
  }

  /** The workers registered in the named database, if it is a Citus coordinator. */
  private static List<String> citusWorkers(DatabaseSettings named) throws SQLException {
    String database = named.jdbcUrl().replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
    try (Connection c = connect(named, database);
        var s = c.createStatement()) {
      try (var rs = s.executeQuery("select exists (select 1 from pg_extension where extname = 'citus')")) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return List.of();
        }
      }
      List<String> workers = new ArrayList<>();
      try (var rs = s.executeQuery(
          "select nodename || ':' || nodeport from pg_dist_node where groupid <> 0 order by nodeport")) {
        while (rs.next()) {
          workers.add(rs.getString(1));
        }
      }
      return workers;
    }
  }

  public DataSource dataSource() {
    return database.dataSource();
  }

  /** The connection pool behind {@link #dataSource()}: its metrics, state and name. */
  public HikariDataSource pool() {
    return database.pool();
  }

  /** Whether the database answers its probe, as the server's health sees it. */
  public DatabaseReachability reachability() {
    return database.reachability();
  }

  public DatabaseSettings settings() {
    return settings;
  }

  /** Settings of the test PostgreSQL server's maintenance database. */
  public static synchronized DatabaseSettings server() throws Exception {
    if (server == null) {
      String url = System.getenv(URL_VARIABLE);
      if (url != null && !url.isBlank()) {
        DatabaseSettings named = new DatabaseSettings(url, null, null, 2);
        citusWorkers = citusWorkers(named);
        server = named;
        external = server;
      } else {
        citusWorkers = List.of();
        Path dir = Files.createTempDirectory("rp-test-pg");
        EmbeddedDatabase embedded = EmbeddedDatabase.start(dir, 0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            embedded.close();
          } catch (Exception ignored) {
            // the JVM is going away either way
          }
        }));
        server = embedded.settings("postgres", 2);
      }
    }
    return server;
  }

  private static String withDatabase(String jdbcUrl, String database) {
    int query = jdbcUrl.indexOf('?');
    String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    String params = query < 0 ? "" : jdbcUrl.substring(query);
    return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
  }

  @Override
  public void close() {
    database.close();
    if (!owner) {
      return;
    }
    if (reusable) {
      keepForNextClass();
    } else {
      dropEverywhere(settings, name());
      synchronized (TestDatabase.class) {
        unclosed.remove(name());
      }
    }
  }

  /** Drops {@code name} on every node (on Citus the coordinator first: its sessions to the workers end with it). */
  private static void dropEverywhere(DatabaseSettings settings, String name) {
    List<String> nodes = citusWorkers.isEmpty() ? List.of(hostAndPort(settings.jdbcUrl())) : citusNodes(settings);
    for (String node : nodes) {
      try (var c = connect(settings, node, "postgres");
          var s = c.createStatement()) {
        s.execute("drop database if exists \"" + name + "\" with (force)");
      } catch (SQLException e) {
        throw new IllegalStateException("cannot drop test database", e);
      }
    }
  }

  /** An outage of this database; closing it ends the outage. */
  public interface Outage extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Until the returned outage is closed, this database refuses new connections; every session it
   * had (the pool's, including any in a transaction) has ended by the time this returns.
   */
  public Outage outage() {
    String name = name();
    try {
      Connection admin = maintenanceConnection();
      try (var s = admin.createStatement()) {
        s.execute("alter database \"" + name + "\" with allow_connections false");
        s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name + "'");
        // pg_terminate_backend only signals the sessions; wait until they are gone.
        for (int i = 0; ; i++) {
          try (var rs = s.executeQuery("select count(*) from pg_stat_activity where datname = '" + name + "'")) {
            rs.next();
            if (rs.getLong(1) == 0) {
              break;
            }
          }
          if (i == 1000) {
            throw new IllegalStateException("sessions of " + name + " did not end");
          }
          Thread.sleep(5);
        }
      }
      return () -> {
        try (admin; var s = admin.createStatement()) {
          s.execute("alter database \"" + name + "\" with allow_connections true");
        } catch (SQLException e) {
          throw new IllegalStateException("cannot end the outage of " + name, e);
        }
      };
    } catch (SQLException e) {
      throw new IllegalStateException("cannot cut " + name + " off", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private String name() {
    return settings.jdbcUrl().replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
  }

  private Connection maintenanceConnection() throws SQLException {
    return DriverManager.getConnection(withDatabase(settings.jdbcUrl(), "postgres"), credentials());
  }

  private java.util.Properties credentials() {
    var p = new java.util.Properties();
    if (settings.user() != null) {
      p.setProperty("user", settings.user());
    }
    if (settings.password() != null && !settings.password().isEmpty()) {
      p.setProperty("password", settings.password());
    }
    return p;
  }
}
