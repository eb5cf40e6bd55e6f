package io.resourceplans.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.money.Money;
import io.resourceplans.domain.quota.PackageDeduction;
import io.resourceplans.domain.quota.UsageRecord;
import io.resourceplans.server.testing.PrometheusText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry's rules: bounded product labels, and no percentiles computed in the server. */
class MetricsRegistryTest {
  @Test
  void aMeterAskingForPercentilesGetsNoneAndWorksWithoutHdrHistogram() {
    PrometheusMeterRegistry registry = Metrics.newRegistry();
    Timer timer = Timer.builder("some.library.timer").publishPercentiles(0.5, 0.99).register(registry);
    timer.record(Duration.ofMillis(3));
    PrometheusText page = PrometheusText.of(registry.scrape());
    assertEquals(1, page.value("some_library_timer_seconds_count"));
    assertFalse(page.text().contains("quantile="), page.text());
  }

  @Test
  void productLabelsStopAtTheCap() {
    PrometheusMeterRegistry registry = Metrics.newRegistry();
    UsageMetrics usage = new UsageMetrics(registry);
    for (int i = 0; i < Metrics.MAX_PRODUCTS + 20; i++) {
      usage.recorded(covered("product-" + i, 2));
    }
    PrometheusText page = PrometheusText.of(registry.scrape());
    assertEquals(Metrics.MAX_PRODUCTS, page.series("rp_usage_messages_deducted_total").size());
    assertEquals(2.0 * Metrics.MAX_PRODUCTS, page.sum("rp_usage_messages_deducted_total"));
    // The outcome counters have no product label: every call still counts.
    assertEquals(Metrics.MAX_PRODUCTS + 20, page.value("rp_usage_outcomes_total", "outcome", "covered", "reason", ""));
  }

  private static UsageRecord covered(String productId, long quantity) {
    return new UsageRecord("acc-1", "use-" + productId, "req-" + productId, productId, Purpose.GENERAL, "r1", quantity,
        List.of(new PackageDeduction("pkg-1", Purpose.GENERAL, quantity, 0)), quantity, 0, null, Money.zero("CNY"),
        Instant.EPOCH);
  }
}
