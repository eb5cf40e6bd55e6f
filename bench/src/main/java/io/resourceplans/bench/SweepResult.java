package io.resourceplans.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The package-count sweep's figures: per size, how the account's packages stood and each call's
 * latencies; and the target: a call's p50 and p99 at the largest size at most {@link #MAX_GROWTH}
 * times those at the smallest.
 */
final class SweepResult {
  static final double MAX_GROWTH = 1.5;

  /** One size: the mix after growing, how long the insert took, and the quota check of the sweep's usage. */
  record Size(int packages, SweepData.Mix mix, long inserted, double insertSeconds, long deducted, long recorded) {
    boolean quotaConsistent() {
      return deducted == recorded;
    }
  }

  private final Map<Integer, Size> sizes = new TreeMap<>();
  private final Map<SweepCall, Map<Integer, Histogram>> latencies = new EnumMap<>(SweepCall.class);
  private final Map<SweepCall, Map<String, Long>> errors = new EnumMap<>(SweepCall.class);

  void add(Size size) {
    sizes.put(size.packages(), size);
  }

  /** Adds a round's latencies of the call at that size to those of the rounds before. */
  void latency(SweepCall call, int packages, Histogram histogram) {
    latencies.computeIfAbsent(call, c -> new TreeMap<>())
        .computeIfAbsent(packages, p -> new Histogram(histogram.getHighestTrackableValue(), 3)).add(histogram);
  }

  void error(SweepCall call, String key) {
    errors.computeIfAbsent(call, c -> new TreeMap<>()).merge(key, 1L, Long::sum);
  }

  List<Size> sizes() {
    return List.copyOf(sizes.values());
  }

  List<SweepCall> calls() {
    return List.copyOf(latencies.keySet());
  }

  Map<String, Long> errors(SweepCall call) {
    return errors.getOrDefault(call, Map.of());
  }

  /** Milliseconds at the percentile for the call at that size; NaN when it was not measured. */
  double millis(SweepCall call, int packages, double percentile) {
    Histogram h = latencies.getOrDefault(call, Map.of()).get(packages);
    return h == null || h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1e6;
  }

  long count(SweepCall call, int packages) {
    Histogram h = latencies.getOrDefault(call, Map.of()).get(packages);
    return h == null ? 0 : h.getTotalCount();
  }

  /** The percentile at the largest size over that at the smallest; NaN with fewer than two sizes measured. */
  double growth(SweepCall call, double percentile) {
    Map<Integer, Histogram> bySize = latencies.getOrDefault(call, Map.of());
    List<Integer> measured = new ArrayList<>();
    for (Map.Entry<Integer, Histogram> e : bySize.entrySet()) {
      if (e.getValue().getTotalCount() > 0) {
        measured.add(e.getKey());
      }
    }
    if (measured.size() < 2) {
      return Double.NaN;
    }
    return millis(call, measured.get(measured.size() - 1), percentile) / millis(call, measured.get(0), percentile);
  }

  /** The conditions the call misses; empty means it passes. */
  List<String> missed(SweepCall call) {
    List<String> missed = new ArrayList<>();
    for (double percentile : new double[] {50, 99}) {
      double growth = growth(call, percentile);
      if (!(growth <= MAX_GROWTH)) {
        missed.add(String.format(java.util.Locale.ROOT, "p%.0f x%.2f", percentile, growth));
      }
    }
    long errorCount = errors(call).values().stream().mapToLong(Long::longValue).sum();
    if (errorCount > 0) {
      missed.add(errorCount + " errors");
    }
    return missed;
  }

  boolean quotaConsistent() {
    return sizes.values().stream().allMatch(Size::quotaConsistent);
  }

  /** Per call, its p50 and p99 series over the sizes measured, for the plot. */
  Map<SweepCall, Map<Integer, double[]>> series() {
    Map<SweepCall, Map<Integer, double[]>> series = new LinkedHashMap<>();
    latencies.forEach((call, bySize) -> {
      Map<Integer, double[]> points = new TreeMap<>();
      bySize.forEach((size, h) -> {
        if (h.getTotalCount() > 0) {
          points.put(size, new double[] {h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6});
        }
      });
      series.put(call, points);
    });
    return series;
  }
}
