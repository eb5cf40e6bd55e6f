package io.resourceplans.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server with the settings an operator gives it: a config file, {@code --log-format=json}
 * (every line it prints is a JSON object, an access-log line per call), {@code
 * --listen-address=127.0.0.1} (gRPC and metrics not reachable on the machine's other addresses) and
 * a previous operator key; and {@code --version} and {@code --help}.
 */
class OperatorSettingsIT {
  @TempDir Path dir;

  @Test
  void jsonLogsFromAConfigFileOnlyOnLoopback() throws Exception {
    Path config = dir.resolve("rp.conf");
    int metricsPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      metricsPort = socket.getLocalPort();
    }
    Files.writeString(config,
        "# as an operator would write it\nlog-format = json\nlisten-address = 127.0.0.1\nmetrics-port = " + metricsPort + "\n");
    ServerProcess server =
        ServerProcess.start(dir.resolve("data"), dir.resolve("server.log"),
            List.of("--config=" + config, "--previous-operator-key=" + PREVIOUS_OPERATOR_KEY));
    int accessLines;
    try {
      Tenant tenant = Tenant.create(server.channel(), "Json Logger", 100, "10");
      // A key rotation's overlap: the previous operator key works too, any other key does not.
      assertEquals(tenant.accountId(), lookUp(server, PREVIOUS_OPERATOR_KEY, tenant.accountId()));
      StatusRuntimeException other =
          assertThrows(StatusRuntimeException.class, () -> lookUp(server, "rpo.some-other-key", tenant.accountId()));
      assertEquals(io.grpc.Status.Code.UNAUTHENTICATED, other.getStatus().getCode());
      assertEquals(200, scrape("127.0.0.1", metricsPort));
      Optional<InetAddress> elsewhere = nonLoopbackAddress();
      if (elsewhere.isPresent()) {
        assertThrows(java.io.IOException.class, () -> scrape(elsewhere.get().getHostAddress(), metricsPort), "metrics reachable elsewhere");
        ManagedChannel outside =
            Grpc.newChannelBuilderForAddress(elsewhere.get().getHostAddress(), server.port(), InsecureChannelCredentials.create()).build();
        try {
          assertThrows(StatusRuntimeException.class,
              () -> HealthGrpc.newBlockingStub(outside).withDeadlineAfter(2, TimeUnit.SECONDS).check(HealthCheckRequest.getDefaultInstance()),
              "reachable on " + elsewhere.get());
        } finally {
          outside.shutdownNow();
        }
      }
      server.sigterm();
      assertEquals(0, server.awaitExit(Duration.ofSeconds(60)));
    } finally {
      server.close();
    }

    List<JsonObject> lines = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("server.log"), StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonObject object = JsonParser.parseString(line).getAsJsonObject(); // throws if not JSON
      for (String field : List.of("time", "level", "logger", "message")) {
        assertTrue(object.has(field), field + " in " + line);
      }
      lines.add(object);
    }
    assertTrue(lines.stream().anyMatch(l -> l.get("message").getAsString().startsWith("resource-plans ")), "version line");
    assertTrue(lines.stream().anyMatch(l -> l.get("message").getAsString().equals("config listen-address = 127.0.0.1")));
    accessLines = (int) lines.stream().filter(l -> l.get("logger").getAsString().equals("io.resourceplans.access")).count();
    // Tenant.create: create account, top-up, buy = several calls, each with its line.
    assertTrue(accessLines >= 3, "access-log lines: " + accessLines);
    for (JsonObject l : lines) {
      if (l.get("logger").getAsString().equals("io.resourceplans.access") && !l.get("code").getAsString().equals("UNAUTHENTICATED")) {
        assertEquals("OK", l.get("code").getAsString(), l.toString());
        assertTrue(l.get("peer").getAsString().startsWith("127.0.0.1:"), l.toString());
        assertFalse(l.get("correlation_id").getAsString().isEmpty());
      }
    }
  }

  @Test
  void versionAndHelpPrintAndExitZero() throws Exception {
    for (String flag : List.of("--version", "-h", "--help")) {
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-XX:TieredStopAtLevel=1", "-cp", ServerProcess.productionClassPath(),
                  "io.resourceplans.server.Main", flag)
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), out);
      if (flag.equals("--version")) {
        assertTrue(out.matches("(?s)resource-plans \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Java .*\\)\\R"), out);
      } else {
        assertTrue(out.contains("--listen-address") && out.contains("RP_LOG_FORMAT"), out);
      }
    }
  }

  private static final String PREVIOUS_OPERATOR_KEY = "rpo.previous-operator-key";

  /** LookupAccount with this operator key: the account's ID. */
  private static String lookUp(ServerProcess server, String operatorKey, String accountId) {
    return io.resourceplans.api.v1.OperatorServiceGrpc.newBlockingStub(server.channel())
        .withCallCredentials(io.resourceplans.server.testing.TestServer.bearer(operatorKey))
        .lookupAccount(io.resourceplans.api.v1.LookupAccountRequest.newBuilder().setAccountId(accountId).build())
        .getAccount()
        .getAccountId();
  }

  /** The HTTP status of a GET of the metrics page. */
  private static int scrape(String host, int port) throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    return http.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://" + host + ":" + port + "/metrics"))
                .timeout(Duration.ofSeconds(5))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (address instanceof Inet4Address) {
          return Optional.of(address);
        }
      }
    }
    return Optional.empty();
  }
}
