package io.resourceplans.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    String abortReason,
    boolean unavailable) {

  boolean aborted() {
    return abortReason != null;
  }

  Target target() {
    return scenario.kind().target();
  }

  long successfulCalls() {
    return stats.measuredFresh + stats.measuredRetried;
  }

  double callsPerSecond() {
    return measuredSeconds <= 0 ? 0 : successfulCalls() / measuredSeconds;
  }

  /** What the target compares: records/s for the batch, calls/s otherwise. */
  double rate() {
    return measuredSeconds <= 0 ? 0 : stats.measuredRecords / measuredSeconds;
  }

  /** The rate over the yardstick's tps; NaN without a yardstick figure. */
  double ratio(Yardsticks yardsticks) {
    double tps = yardsticks.tps(target().yardstick());
    return tps > 0 ? rate() / tps : Double.NaN;
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
   * The packages lost exactly the acknowledged new requests (batch: records): resends deducted
   * nothing, refusals deducted nothing, quota checks deducted nothing. Calls that ended in an ambiguous error may or may not have deducted.
   */
  boolean quotaConsistent() {
    return deducted() >= stats.acknowledgedFresh && deducted() <= stats.acknowledgedFresh + stats.ambiguous;
  }

  /** "PASS", "FAIL" or, for a scenario whose RPC this server build lacks, "NOT AVAILABLE". */
  String verdict(Yardsticks yardsticks) {
    if (unavailable) {
      return "NOT AVAILABLE";
    }
    return missedTargets(yardsticks).isEmpty() ? "PASS" : "FAIL";
  }

  /** The conditions of the target this result misses; empty means it passes. */
  List<String> missedTargets(Yardsticks yardsticks) {
    List<String> missed = new ArrayList<>();
    if (aborted()) {
      missed.add((unavailable ? "" : "aborted: ") + abortReason);
      return missed;
    }
    Target target = target();
    double ratio = ratio(yardsticks);
    if (Double.isNaN(ratio)) {
      missed.add("no " + target.yardstick().label() + " figure to compare with");
    } else if (ratio < target.minRatio()) {
      missed.add(String.format(Locale.ROOT, "ratio %.2f < %.2f", ratio, target.minRatio()));
    }
    if (target.boundsP99() && !(percentileMillis(99) < target.maxP99Millis())) {
      missed.add(String.format(Locale.ROOT, "p99 %.2f ms >= %.1f ms", percentileMillis(99), target.maxP99Millis()));
    }
    long errors = measuredErrors() + otherErrors();
    if (errors > 0) {
      missed.add(errors + " errors");
    }
    if (stats.retryMismatches > 0) {
      missed.add(stats.retryMismatches + " resends answered differently from the first answer");
    }
    if (stats.unexpectedAnswers > 0) {
      missed.add(stats.unexpectedAnswers + " unexpected answers");
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
