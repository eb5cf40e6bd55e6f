package io.resourceplans.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The figures of one scenario, and how they compare with the target. */
record ScenarioResult(
    Scenario scenario,
    int callers,
    double measuredSeconds,
    CallerStats stats,
    long remainingBefore,
    long remainingAfter,
    Optional<CpuUse.Shares> cpu,
    List<Double> throughputPerInterval,
    String abortReason) {

  /** The target, defined for 16 callers on the 2-core machine. */
  static final double TARGET_RATIO = 0.5;
  static final double TARGET_P99_MS = 20.0;
  static final int TARGET_CALLERS = 16;

  boolean aborted() {
    return abortReason != null;
  }

  long successfulCalls() {
    return stats.measuredFresh + stats.measuredRetried;
  }

  double callsPerSecond() {
    return measuredSeconds <= 0 ? 0 : successfulCalls() / measuredSeconds;
  }

  /** Latency of successful measured calls at the percentile (0..100), in milliseconds. */
  double percentileMillis(double percentile) {
    return stats.latency.getTotalCount() == 0 ? Double.NaN : stats.latency.getValueAtPercentile(percentile) / 1e6;
  }

  double meanMillis() {
    return stats.latency.getTotalCount() == 0 ? Double.NaN : stats.latency.getMean() / 1e6;
  }

  double maxMillis() {
    return stats.latency.getTotalCount() == 0 ? Double.NaN : stats.latency.getMaxValue() / 1e6;
  }

  long measuredErrors() {
    return sum(stats.measuredErrors);
  }

  /** Errors in warm-up or straddling a phase boundary. */
  long otherErrors() {
    return sum(stats.otherErrors);
  }

  long deducted() {
    return remainingBefore - remainingAfter;
  }

  /**
   * The packages lost exactly the acknowledged new requests: resends deducted nothing, refusals
   * deducted nothing. Calls that ended in an ambiguous error may or may not have deducted.
   */
  boolean quotaConsistent() {
    return deducted() >= stats.acknowledgedFresh && deducted() <= stats.acknowledgedFresh + stats.ambiguous;
  }

  /** The conditions of the target this result misses; empty means it passes. */
  List<String> missedTargets(double pgbenchTps) {
    List<String> missed = new ArrayList<>();
    if (aborted()) {
      missed.add("aborted: " + abortReason);
      return missed;
    }
    if (!(pgbenchTps > 0)) {
      missed.add("no pgbench figure to compare with");
    } else if (callsPerSecond() / pgbenchTps < TARGET_RATIO) {
      missed.add(String.format("ratio %.2f < %.2f", callsPerSecond() / pgbenchTps, TARGET_RATIO));
    }
    if (!(percentileMillis(99) < TARGET_P99_MS)) {
      missed.add(String.format("p99 %.2f ms >= %.0f ms", percentileMillis(99), TARGET_P99_MS));
    }
    long errors = measuredErrors() + otherErrors();
    if (errors > 0) {
      missed.add(errors + " errors");
    }
    if (stats.retryMismatches > 0) {
      missed.add(stats.retryMismatches + " resends answered differently from the first answer");
    }
    if (!quotaConsistent()) {
      missed.add("quota deducted " + deducted() + " but " + stats.acknowledgedFresh + " new requests acknowledged");
    }
    return missed;
  }

  private static long sum(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}
