package io.resourceplans.bench;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The real server as a child process, started by the distribution's launcher ({@link
 * LauncherHome}), for what cannot be seen in the benchmark's own JVM: how long it
 * takes from launch to SERVING, and how much memory the process holds.
 */
final class ServerChild implements AutoCloseable {
  private static final Duration START_LIMIT = Duration.ofSeconds(120);

  private final Process process;
  private final int port;
  private final Path log;
  private final long launchNanos;
  private ManagedChannel channel;

  private ServerChild(Process process, int port, Path log, long launchNanos) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.launchNanos = launchNanos;
  }

  /**
   * Launches {@code <launcher> <serverArgs> --listen-address=127.0.0.1 --port=<free port>} on this
   * JVM's Java (JAVA_HOME), with {@code javaOpts} as JAVA_OPTS if given (it replaces the launcher's
   * defaults) and without it otherwise, its output appended to {@code log}. The launcher execs the
   * JVM, so the process is the JVM itself.
   */
  static ServerChild launch(Path launcher, Optional<String> javaOpts, List<String> serverArgs, Path log) throws IOException {
    int port = freePort();
    List<String> command = new java.util.ArrayList<>();
    command.add(launcher.toString());
    command.addAll(serverArgs);
    command.add("--listen-address=127.0.0.1");
    command.add("--port=" + port);
    Files.createDirectories(log.toAbsolutePath().getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("JAVA_OPTS");
    builder.environment().remove("RP_CDS");
    javaOpts.ifPresent(o -> builder.environment().put("JAVA_OPTS", o));
    long launch = System.nanoTime();
    return new ServerChild(builder.start(), port, log, launch);
  }

  /**
   * Waits until the standard health service answers SERVING and returns the time since launch.
   * The port is probed with plain connects first: a gRPC channel that found it closed would wait
   * out its reconnect back-off (a second or more), which would be counted as start-up time.
   */
  Duration awaitServing() throws Exception {
    long deadline = launchNanos + START_LIMIT.toNanos();
    while (!accepts()) {
      checkAlive(deadline);
      Thread.sleep(5);
    }
    channel = LoadCaller.channel("127.0.0.1", port);
    HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel);
    while (true) {
      checkAlive(deadline);
      try {
        ServingStatus status =
            health.withDeadlineAfter(2, TimeUnit.SECONDS).check(HealthCheckRequest.getDefaultInstance()).getStatus();
        if (status == ServingStatus.SERVING) {
          return Duration.ofNanos(System.nanoTime() - launchNanos);
        }
      } catch (StatusRuntimeException notYet) {
        // listening, not serving yet
      }
      Thread.sleep(5);
    }
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  private void checkAlive(long deadline) throws InterruptedException {
    if (!process.isAlive()) {
      throw new IllegalStateException("the server exited with " + process.exitValue() + " while starting; see " + log);
    }
    if (System.nanoTime() > deadline) {
      close();
      throw new IllegalStateException("the server did not become SERVING within " + START_LIMIT + "; see " + log);
    }
  }

  /** The channel to the child, once it is SERVING. */
  ManagedChannel channel() {
    return channel;
  }

  /** The JVM process's resident set (VmRSS of /proc/pid/status), in KiB; empty where /proc has none. */
  OptionalLong rssKib() {
    try {
      return ProcStatus.vmRssKib(Files.readString(Path.of("/proc", Long.toString(process.pid()), "status"), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * The CPU time the JVM process has used so far (user and system, all its threads); empty where
   * /proc has none. USER_HZ, the unit of /proc's times, is 100 on Linux.
   */
  Optional<Duration> cpuTime() {
    try {
      OptionalLong ticks =
          ProcStatus.cpuTicks(Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"), StandardCharsets.UTF_8));
      return ticks.isPresent() ? Optional.of(Duration.ofMillis(ticks.getAsLong() * 10)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** SIGTERM (the server's graceful stop, which also stops an embedded PostgreSQL), then SIGKILL after a minute. */
  @Override
  public void close() throws InterruptedException {
    if (channel != null) {
      channel.shutdownNow();
    }
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
