package io.resourceplans.server.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A webhook endpoint on 127.0.0.1 (the JDK's HTTP server): it keeps every request it gets (headers
 * lower-cased, raw body) and answers each with the next status queued by {@link #failNext}, else
 * 200, or holds the next one unanswered ({@link #holdNext}). Requests are handled concurrently.
 * Needs a server whose webhooks may call loopback addresses.
 */
public final class WebhookReceiver implements AutoCloseable {
  /** One request as received. */
  public record Received(Map<String, String> headers, byte[] body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final HttpServer http;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Deque<Integer> statuses = new ArrayDeque<>();
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private Held held;

  /** A request kept unanswered: {@link #arrived} once it is in, answered once {@link #release} is. */
  public record Held(CountDownLatch arrived, CountDownLatch release) {
    public void awaitArrival() throws InterruptedException {
      if (!arrived.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("no request arrived");
      }
    }

    public void answer() {
      release.countDown();
    }
  }

  public WebhookReceiver() throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/hooks", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        byte[] body = in.readAllBytes();
        Map<String, String> headers = new java.util.HashMap<>();
        exchange.getRequestHeaders().forEach(
            (k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
        received.add(new Received(Map.copyOf(headers), body));
        int status;
        Held h;
        synchronized (statuses) {
          status = statuses.isEmpty() ? 200 : statuses.removeFirst();
          h = held;
          held = null;
        }
        if (h != null) {
          h.arrived().countDown();
          try {
            h.release().await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        exchange.sendResponseHeaders(status, -1);
      } finally {
        exchange.close();
      }
    });
    http.setExecutor(threads);
    http.start();
  }

  /** The next request is kept unanswered until the returned hold is answered. */
  public Held holdNext() {
    synchronized (statuses) {
      held = new Held(new CountDownLatch(1), new CountDownLatch(1));
      return held;
    }
  }

  /** The endpoint's URL (plain http on loopback). */
  public String url() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/hooks";
  }

  /** The next requests are answered with these statuses, in order. */
  public void failNext(int... codes) {
    synchronized (statuses) {
      for (int c : codes) {
        statuses.addLast(c);
      }
    }
  }

  /** Every request so far, in order. */
  public List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    Held h;
    synchronized (statuses) {
      h = held;
    }
    if (h != null) {
      h.answer();
    }
    http.stop(0);
    threads.shutdownNow();
  }
}
