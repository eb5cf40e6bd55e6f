package io.resourceplans.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Runs PostgreSQL's own {@code pgbench} on the benchmark's PostgreSQL server, for a yardstick. */
final class Pgbench {
  private final Path binary;
  private final BenchDatabase server;

  Pgbench(Path binary, BenchDatabase server) {
    this.binary = binary;
    this.server = server;
  }

  Path binary() {
    return binary;
  }

  /** The configured binary, else {@code pgbench} on the PATH, else the newest under /usr/lib/postgresql. */
  static Optional<Path> locate(Optional<String> configured) throws IOException {
    if (configured.isPresent()) {
      Path path = Paths.get(configured.get());
      return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }
    String pathVariable = System.getenv().getOrDefault("PATH", "");
    for (String dir : pathVariable.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path candidate = Paths.get(dir, "pgbench");
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    Path debian = Paths.get("/usr/lib/postgresql");
    if (!Files.isDirectory(debian)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(debian)) {
      return versions
          .map(v -> v.resolve("bin/pgbench"))
          .filter(Files::isExecutable)
          .max(Comparator.comparing(p -> versionOf(p.getParent().getParent())));
    }
  }

  private static int versionOf(Path dir) {
    try {
      return Integer.parseInt(dir.getFileName().toString());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Makes {@code database} afresh and fills it with {@code pgbench -i -s 1}. On Citus the tables
   * -N and -S touch are then distributed by aid (co-located) and the others made reference tables,
   * so that each of their statements goes to one worker, as a single-account call of the server does.
   */
  void initialize(String database) throws IOException, InterruptedException, SQLException {
    server.recreate(database);
    List<String> command = new ArrayList<>(List.of(binary.toString(), "-i", "-s", "1", "-q"));
    command.addAll(server.connectionArguments());
    command.add(database);
    execute(command);
    if (server.citus()) {
      server.execute(database, """
          select create_reference_table('pgbench_branches');
          select create_reference_table('pgbench_tellers');
          select create_distributed_table('pgbench_accounts', 'aid');
          select create_distributed_table('pgbench_history', 'aid', colocate_with => 'pgbench_accounts');
          """);
    }
  }

  /** The yardstick's built-in script ({@code -N} simple update, {@code -S} select only) for the duration. */
  PgbenchResult run(String database, Yardstick script, int clients, int threads, int seconds)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                binary.toString(),
                script.option(),
                "-c", Integer.toString(clients),
                "-j", Integer.toString(threads),
                "-T", Integer.toString(seconds)));
    command.addAll(server.connectionArguments());
    command.add(database);
    return PgbenchResult.parse(execute(command), command);
  }

  private String execute(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    server.password().ifPresent(p -> builder.environment().put("PGPASSWORD", p));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    if (exit != 0) {
      throw new IOException(String.join(" ", command) + " exited with " + exit + ":\n" + output);
    }
    return output;
  }
}
