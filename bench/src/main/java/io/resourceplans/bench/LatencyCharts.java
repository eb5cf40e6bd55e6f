package io.resourceplans.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's PNG plots (XChart, drawn headless). */
final class LatencyCharts {
  static final String LATENCY_FILE = "latency-percentiles.png";
  static final String SWEEP_FILE = "package-sweep.png";
  private static final int WIDTH = 1000;
  private static final int HEIGHT = 600;

  private LatencyCharts() {}

  /** Latency by percentile, one series per scenario that has measured calls; false when none has. */
  static boolean writeLatency(Path file, List<ScenarioResult> results, String subtitle) throws IOException {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Latency by percentile, " + subtitle)
        .xAxisTitle("percentile").yAxisTitle("latency (ms)").build();
    style(chart);
    chart.getStyler().setXAxisTickLabelsFormattingFunction(PercentileSeries::label);
    chart.getStyler().setXAxisMin(1.0);
    boolean any = false;
    for (ScenarioResult r : results) {
      PercentileSeries series = PercentileSeries.of(r.stats().latency);
      if (series.isEmpty()) {
        continue;
      }
      XYSeries s = chart.addSeries(r.scenario().kind().label(), series.positions(), series.millis());
      s.setMarker(SeriesMarkers.NONE);
      any = true;
    }
    if (any) {
      write(file, BitmapEncoder.getBufferedImage(chart));
    }
    return any;
  }

  /**
   * The sweep: p50 (top) and p99 (bottom) of each call against the package count, both axes log;
   * the legend beside each, and XChart's own marker per series, since eleven series outnumber its
   * colours.
   */
  static void writeSweep(Path file, SweepResult sweep) throws IOException {
    List<XYChart> charts = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      XYChart chart = new XYChartBuilder().width(WIDTH + 200).height(HEIGHT)
          .title((i == 0 ? "p50" : "p99") + " by packages in the account (one call after another)")
          .xAxisTitle("packages").yAxisTitle("latency (ms)").build();
      style(chart);
      chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
      chart.getStyler().setYAxisLogarithmic(true);
      chart.getStyler().setYAxisDecimalPattern("#,##0.##");
      chart.getStyler().setXAxisTickLabelsFormattingFunction(x -> String.format(java.util.Locale.ROOT, "%,.0f", x));
      for (Map.Entry<SweepCall, Map<Integer, double[]>> e : sweep.series().entrySet()) {
        if (e.getValue().isEmpty()) {
          continue;
        }
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        int percentile = i;
        e.getValue().forEach((size, p) -> {
          x.add(size.doubleValue());
          y.add(Math.max(p[percentile], 0.001)); // a log axis takes no zero
        });
        chart.addSeries(e.getKey().label(), x, y);
      }
      charts.add(chart);
    }
    BufferedImage top = BitmapEncoder.getBufferedImage(charts.get(0));
    BufferedImage bottom = BitmapEncoder.getBufferedImage(charts.get(1));
    BufferedImage both = new BufferedImage(Math.max(top.getWidth(), bottom.getWidth()), top.getHeight() + bottom.getHeight(),
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = both.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, both.getWidth(), both.getHeight());
    g.drawImage(top, 0, 0, null);
    g.drawImage(bottom, 0, top.getHeight(), null);
    g.dispose();
    write(file, both);
  }

  private static void style(XYChart chart) {
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setXAxisLogarithmicDecadeOnly(true);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotGridLinesColor(new Color(220, 220, 220));
    chart.getStyler().setMarkerSize(5);
  }

  private static void write(Path file, BufferedImage image) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    if (!ImageIO.write(image, "png", file.toFile())) {
      throw new IOException("no PNG writer for " + file);
    }
  }
}
