package io.resourceplans.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One scrape of a Prometheus text-format (0.0.4) page, parsed into series (name and labels) and
 * their values, so tests ask for a series instead of matching the page with patterns.
 */
public final class PrometheusText {
  /** A series: its name and its labels. */
  public record Series(String name, Map<String, String> labels) {}

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Map<Series, Double> values;
  private final String text;

  private PrometheusText(String text) {
    this.text = text;
    this.values = parse(text);
  }

  /** GETs {@code http://host:port/metrics}, checks the status and content type, and parses the page. */
  public static PrometheusText scrape(String host, int port) throws IOException, InterruptedException {
    HttpResponse<String> response = get(host, port, "/metrics");
    assertEquals(200, response.statusCode(), response.body());
    assertEquals(
        "text/plain; version=0.0.4; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
    return new PrometheusText(response.body());
  }

  /** Scrapes every 100 ms until {@code done} holds of the page, for up to 20 s. */
  public static PrometheusText scrapeUntil(String host, int port, java.util.function.Predicate<PrometheusText> done)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      PrometheusText page = scrape(host, port);
      if (done.test(page)) {
        return page;
      }
      org.junit.jupiter.api.Assertions.assertTrue(
          System.nanoTime() < deadline, "the page never came to the expected state:\n" + page.text());
      Thread.sleep(100);
    }
  }

  public static HttpResponse<String> get(String host, int port, String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path)).timeout(Duration.ofSeconds(20)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public static PrometheusText of(String text) {
    return new PrometheusText(text);
  }

  /** The page as scraped (for failure messages). */
  public String text() {
    return text;
  }

  /**
   * The value of the series with exactly these labels, given as name, value, name, value...;
   * fails when there is none.
   */
  public double value(String name, String... labels) {
    Series s = new Series(name, labels(labels));
    Double v = values.get(s);
    if (v == null) {
      throw new AssertionError("no series " + s + "; series named " + name + ": " + series(name));
    }
    return v;
  }

  /** The value of the series with exactly these labels, or {@code otherwise} when it is absent. */
  public double valueOr(double otherwise, String name, String... labels) {
    return values.getOrDefault(new Series(name, labels(labels)), otherwise);
  }

  /** Every series of this name whose labels include these (name, value, ...), with values. */
  public Map<Map<String, String>, Double> series(String name, String... including) {
    Map<String, String> wanted = labels(including);
    Map<Map<String, String>, Double> out = new LinkedHashMap<>();
    values.forEach((s, v) -> {
      if (s.name().equals(name) && s.labels().entrySet().containsAll(wanted.entrySet())) {
        out.put(s.labels(), v);
      }
    });
    return out;
  }

  /** The sum over {@link #series}. */
  public double sum(String name, String... including) {
    return series(name, including).values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** Every label value on the page. */
  public Set<String> labelValues() {
    Set<String> out = new TreeSet<>();
    values.keySet().forEach(s -> out.addAll(s.labels().values()));
    return out;
  }

  /** Every series name on the page. */
  public Set<String> names() {
    Set<String> out = new TreeSet<>();
    values.keySet().forEach(s -> out.add(s.name()));
    return out;
  }

  private static Map<String, String> labels(String... pairs) {
    if (pairs.length % 2 != 0) {
      throw new IllegalArgumentException("labels come in name, value pairs");
    }
    Map<String, String> out = new TreeMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put(pairs[i], pairs[i + 1]);
    }
    return out;
  }

  /** Sample lines: {@code name{a="x",b="y"} value [timestamp]}; comments and blank lines skipped. */
  private static Map<Series, Double> parse(String text) {
    Map<Series, Double> out = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int i = 0;
      while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
        i++;
      }
      String name = line.substring(0, i);
      Map<String, String> labels = new TreeMap<>();
      if (i < line.length() && line.charAt(i) == '{') {
        i++;
        while (line.charAt(i) != '}') {
          int eq = line.indexOf('=', i);
          String key = line.substring(i, eq).trim();
          i = eq + 2; // past ="
          StringBuilder value = new StringBuilder();
          while (line.charAt(i) != '"') {
            char c = line.charAt(i);
            if (c == '\\') {
              char next = line.charAt(++i);
              value.append(next == 'n' ? '\n' : next);
            } else {
              value.append(c);
            }
            i++;
          }
          labels.put(key, value.toString());
          i++; // past "
          if (line.charAt(i) == ',') {
            i++;
          }
        }
        i++; // past }
      }
      List<String> rest = new ArrayList<>(List.of(line.substring(i).trim().split("\\s+")));
      out.put(new Series(name, labels), parseValue(rest.get(0)));
    }
    return out;
  }

  private static double parseValue(String s) {
    return switch (s) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(s);
    };
  }
}
