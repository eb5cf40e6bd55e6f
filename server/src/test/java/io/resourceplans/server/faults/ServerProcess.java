package io.resourceplans.server.faults;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The real server ({@code io.resourceplans.server.Main}) as a child process with the production
 * logging configuration, on a port of its own; its output goes to a log file the test can read.
 * What kill -9, SIGTERM and restarts do can only be seen this way.
 */
final class ServerProcess implements AutoCloseable {
  static final String OPERATOR_KEY = "rpo.fault-test-operator-key";
  private static final String TICKET_KEY = "rpt.fault-test-ticket-key-0123456789";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final Process process;
  private final int port;
  private final Path log;
  private final ManagedChannel channel;

  private ServerProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.channel = Grpc.newChannelBuilderForAddress("127.0.0.1", port, InsecureChannelCredentials.create()).build();
  }

  /**
   * Starts the server with {@code args} on top of a free port, fixed operator and ticket keys and
   * {@code dataDir}, and waits until its health says SERVING.
   */
  static ServerProcess start(Path dataDir, Path log, List<String> args) throws Exception {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    // As the test JVMs (root pom, test.jvm.flags): a short-lived server needs no C2 compiler threads.
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(productionClassPath());
    command.add("io.resourceplans.server.Main");
    command.add("--port=" + port);
    command.add("--data-dir=" + dataDir);
    command.add("--operator-key=" + OPERATOR_KEY);
    command.add("--ticket-key=" + TICKET_KEY);
    command.addAll(args);
    Files.createDirectories(log.getParent());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    ServerProcess server = new ServerProcess(process, port, log);
    server.awaitServing();
    return server;
  }

  private void awaitServing() throws Exception {
    HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the server exited with " + process.exitValue() + " while starting:\n" + tail());
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
      Thread.sleep(100);
    }
    close();
    throw new IllegalStateException("the server did not become SERVING within " + START_TIMEOUT + ":\n" + tail());
  }

  ManagedChannel channel() {
    return channel;
  }

  int port() {
    return port;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed, calls in flight are cut. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the server survived SIGKILL");
    }
    channel.shutdownNow();
  }

  /** SIGTERM: a graceful stop. */
  void sigterm() {
    process.destroy();
  }

  /** The exit code, once the process has ended within {@code limit}. */
  int awaitExit(Duration limit) throws InterruptedException {
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("the server did not exit within " + limit + ":\n" + tail());
    }
    return process.exitValue();
  }

  String log() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /** The last lines of the log, for failure messages. */
  String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Stops the server if it still runs: SIGTERM, then SIGKILL after a minute. */
  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow();
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * This test JVM's class path without the test classes and test jars, so that the child logs as a
   * deployed server does (ServerLogConfigurator), not by a logback-test.xml found there.
   */
  static String productionClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("-tests.jar"))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
