package io.resourceplans.server.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the registry in the Prometheus text format at {@code /metrics} on a port of its own
 * (--metrics-port), with the JDK's HTTP server (module jdk.httpserver: no library). One thread
 * answers scrapes in turn; {@code /} says where the metrics are, anything else is 404.
 */
public final class MetricsHttpServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MetricsHttpServer.class);
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  private static final byte[] INDEX =
      "resource-plans: Prometheus metrics at /metrics\n".getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService executor;

  private MetricsHttpServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Listens on {@code host} ("0.0.0.0" = every interface) and {@code port} (0 = any free port).
   */
  /** On {@code host} (empty = all interfaces, IPv4 and IPv6, as the gRPC listener) and {@code port}. */
  public static MetricsHttpServer start(PrometheusMeterRegistry registry, Optional<String> host, int port)
      throws IOException {
    InetSocketAddress address = host.map(h -> new InetSocketAddress(h, port)).orElseGet(() -> new InetSocketAddress(port));
    HttpServer server = HttpServer.create(address, 16);
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "metrics-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", exchange -> answer(exchange, registry));
    server.start();
    return new MetricsHttpServer(server, executor);
  }

  private static void answer(HttpExchange exchange, PrometheusMeterRegistry registry) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "text/plain; charset=utf-8", new byte[0]);
        return;
      }
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/metrics")) {
        byte[] body;
        try {
          body = registry.scrape().getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
          log.warn("metrics scrape failed", e);
          send(exchange, 500, "text/plain; charset=utf-8", "scrape failed\n".getBytes(StandardCharsets.UTF_8));
          return;
        }
        send(exchange, 200, CONTENT_TYPE, body);
      } else if (path.equals("/")) {
        send(exchange, 200, "text/plain; charset=utf-8", INDEX);
      } else {
        send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** The bound port (useful when started with 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops at once: a scrape in progress is cut off. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
