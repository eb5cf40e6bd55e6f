package io.resourceplans.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * A latency histogram as a percentile curve, the way HdrHistogram's plots draw it: the x position
 * of percentile p is 1 / (1 - p/100), on a log scale, so 0 %, 90 %, 99 %, 99.9 % and 99.99 % are
 * evenly spaced (x = 1, 10, 100, 1,000, 10,000) and the tail gets the room it deserves.
 */
record PercentileSeries(List<Double> positions, List<Double> millis) {
  static final double MAX_PERCENTILE = 99.99;
  static final int POINTS_PER_DECADE = 20;

  /**
   * Points from 0 % up to 99.99 %, {@link #POINTS_PER_DECADE} per decade of x, but no further than
   * the samples can say: beyond x = count every percentile is the maximum, so the last point is at
   * most there (and at least at 0 %). Empty for an empty histogram.
   */
  static PercentileSeries of(Histogram histogram) {
    List<Double> positions = new ArrayList<>();
    List<Double> millis = new ArrayList<>();
    long count = histogram.getTotalCount();
    if (count == 0) {
      return new PercentileSeries(List.of(), List.of());
    }
    double last = Math.min(position(MAX_PERCENTILE), Math.max(1, count));
    for (int step = 0; ; step++) {
      double x = Math.pow(10, (double) step / POINTS_PER_DECADE);
      if (x > last * (1 + 1e-9)) {
        break;
      }
      positions.add(x);
      millis.add(histogram.getValueAtPercentile(percentile(x)) / 1e6);
    }
    return new PercentileSeries(List.copyOf(positions), List.copyOf(millis));
  }

  boolean isEmpty() {
    return positions.isEmpty();
  }

  static double position(double percentile) {
    return 1 / (1 - percentile / 100);
  }

  static double percentile(double position) {
    return 100 * (1 - 1 / position);
  }

  /** The axis label of a position: 1 -> "0%", 10 -> "90%", 1000 -> "99.9%". */
  static String label(double position) {
    double p = percentile(position);
    String text = String.format(Locale.ROOT, "%.4f", p).replaceAll("0+$", "").replaceAll("\\.$", "");
    return text + "%";
  }
}
