package io.resourceplans.server.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The server's meter registry (docs/operations.md, "Metrics", lists every meter). Micrometer with its Prometheus
 * registry rather than grpc-java's OpenTelemetry module: HikariCP reports its pool to Micrometer
 * itself, micrometer-core brings the JVM binders, and the whole adds about 1.4 MB to the
 * distribution; OpenTelemetry would need its SDK and exporter plus separate runtime and pool
 * instrumentation.
 *
 * <p>Label values are bounded: gRPC methods come from the service descriptors, codes and reasons
 * from fixed enums, channels and statuses too. The two labels whose values are data (a product ID,
 * a currency) are capped here: past the cap, new values are not recorded as meters of their own
 * (the first {@value #MAX_PRODUCTS} products keep theirs). No account, request or usage ID is ever
 * a label.
 */
public final class Metrics {
  /** Distinct product IDs the per-product usage counters keep. */
  public static final int MAX_PRODUCTS = 100;

  /** Distinct currencies the order counters keep (the server has one). */
  public static final int MAX_CURRENCIES = 10;

  /** Percentiles computed in the server, off for every meter (see {@link #newRegistry}). */
  private static final MeterFilter NO_CLIENT_SIDE_PERCENTILES =
      new MeterFilter() {
        @Override
        public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
          return DistributionStatisticConfig.builder().percentiles(new double[0]).build().merge(config);
        }
      };

  private Metrics() {}

  /**
   * A registry with the label caps; scraped at /metrics when --metrics-port is set. Percentiles
   * computed in the server are turned off for every meter (a library's too): they cannot be
   * aggregated across replicas, and they would need HdrHistogram, which the distribution leaves
   * out (server/pom.xml). Histograms (_bucket series) give Prometheus its quantiles instead.
   */
  public static PrometheusMeterRegistry newRegistry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry
        .config()
        .meterFilter(NO_CLIENT_SIDE_PERCENTILES)
        .meterFilter(MeterFilter.maximumAllowableTags(UsageMetrics.PREFIX, "product", MAX_PRODUCTS, MeterFilter.deny()))
        .meterFilter(MeterFilter.maximumAllowableTags(HoldMetrics.PREFIX, "product", MAX_PRODUCTS, MeterFilter.deny()))
        .meterFilter(MeterFilter.maximumAllowableTags(OrderMetrics.PREFIX, "currency", MAX_CURRENCIES, MeterFilter.deny()));
    return registry;
  }
}
