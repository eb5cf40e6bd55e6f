package io.resourceplans.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PercentileSeriesTest {
  @Test
  void positionsAreOneOverTheRemainingFraction() {
    assertEquals(1.0, PercentileSeries.position(0), 1e-9);
    assertEquals(10.0, PercentileSeries.position(90), 1e-9);
    assertEquals(10_000.0, PercentileSeries.position(99.99), 1e-6);
    assertEquals(99.9, PercentileSeries.percentile(1_000), 1e-9);
  }

  @Test
  void axisLabelsArePercentiles() {
    assertEquals("0%", PercentileSeries.label(1));
    assertEquals("90%", PercentileSeries.label(10));
    assertEquals("99%", PercentileSeries.label(100));
    assertEquals("99.9%", PercentileSeries.label(1_000));
    assertEquals("99.99%", PercentileSeries.label(10_000));
  }

  @Test
  void runsFromZeroToTheFourNinesWhenTheSamplesReachThere() {
    Histogram h = new Histogram(CallerStats.HIGHEST_NANOS, 3);
    for (long i = 1; i <= 100_000; i++) {
      h.recordValue(i * 1_000); // 1 µs .. 100 ms, uniformly
    }
    PercentileSeries series = PercentileSeries.of(h);
    assertEquals(4 * PercentileSeries.POINTS_PER_DECADE + 1, series.positions().size());
    assertEquals(1.0, series.positions().get(0), 1e-9);
    assertEquals(10_000, series.positions().get(series.positions().size() - 1), 1e-6);
    // The median of 1..100 ms uniform is 50 ms; p90 is 90 ms; the curve never falls.
    assertEquals(49.9, series.millis().get(6), 0.5); // x = 10^0.3, p49.9
    assertEquals(90.0, series.millis().get(PercentileSeries.POINTS_PER_DECADE), 0.2);
    List<Double> ms = series.millis();
    for (int i = 1; i < ms.size(); i++) {
      assertTrue(ms.get(i) >= ms.get(i - 1));
    }
  }

  @Test
  void stopsWhereTheSamplesCanSayNoMore() {
    Histogram h = new Histogram(CallerStats.HIGHEST_NANOS, 3);
    for (int i = 1; i <= 300; i++) {
      h.recordValue(i * 1_000_000L);
    }
    PercentileSeries series = PercentileSeries.of(h);
    double last = series.positions().get(series.positions().size() - 1);
    assertTrue(last <= 300 && last > 200, "last position " + last);
    assertTrue(PercentileSeries.of(new Histogram(CallerStats.HIGHEST_NANOS, 3)).isEmpty());
  }
}
