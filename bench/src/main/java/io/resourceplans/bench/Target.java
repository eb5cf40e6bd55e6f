package io.resourceplans.bench;

import java.util.Locale;

/**
 * What a scenario must reach on the 2-core machine at 16 callers (issue 18): its rate (calls/s, or
 * records/s for the batch) at least {@code minRatio} times its yardstick's tps, and p99 below
 * {@code maxP99Millis} (NaN: no latency bound), with no errors and exact quota.
 */
record Target(Yardstick yardstick, double minRatio, double maxP99Millis) {
  static final int CALLERS = 16;

  boolean boundsP99() {
    return !Double.isNaN(maxP99Millis);
  }

  /** Whether a rate is asked for at all (a ratio of 0: only no errors and exact quota). */
  boolean boundsRate() {
    return minRatio > 0;
  }

  String describe(String rateUnit) {
    if (!boundsRate() && !boundsP99()) {
      return "no rate set (reported against " + yardstick.label() + ")";
    }
    String ratio = String.format(Locale.ROOT, "%s >= %s x %s tps", rateUnit, trim(minRatio), yardstick.label());
    return boundsP99() ? ratio + String.format(Locale.ROOT, ", p99 < %s ms", trim(maxP99Millis)) : ratio;
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%s", value);
  }
}
