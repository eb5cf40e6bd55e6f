package io.resourceplans.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The run's tables in Markdown, for the console's closing summary and for report.md (with the
 * machine, the settings, the targets and the plots' links).
 */
final class MarkdownReport {
  /** Everything a report of one run says. */
  record Run(
      String machine,
      String started,
      String settings,
      Yardsticks yardsticks,
      List<ScenarioResult> results,
      Optional<SweepResult> sweep,
      Optional<Footprint.Result> footprint,
      Optional<String> latencyImage,
      Optional<String> sweepImage) {}

  private MarkdownReport() {}

  static String render(Run run) {
    List<String> lines = new ArrayList<>();
    lines.add("# resource-plans benchmark report");
    lines.add("");
    lines.add("Run started " + run.started() + " on " + run.machine() + ".");
    lines.add("");
    lines.add(run.settings());
    lines.add("");
    lines.add("## Yardsticks");
    lines.add("");
    lines.addAll(yardstickTable(run.yardsticks()));
    lines.add("");
    lines.add("## Scenarios");
    lines.add("");
    if (run.results().isEmpty()) {
      lines.add("No scenario ran.");
    } else {
      lines.addAll(scenarioTable(run.results(), run.yardsticks()));
      lines.add("");
      lines.add("Targets (issue 18, at " + Target.CALLERS + " callers on the 2-core machine), besides no errors and"
          + " exact quota (packages or wallets lost exactly what was acknowledged; nothing for check-quota):");
      lines.add("");
      for (ScenarioResult r : run.results()) {
        List<String> missed = r.missedTargets(run.yardsticks());
        lines.add("- " + r.scenario().kind().label() + ": " + r.target().describe(r.scenario().kind().rateUnit()) + " — "
            + r.verdict(run.yardsticks()) + (missed.isEmpty() ? "" : " (" + String.join("; ", missed) + ")"));
      }
    }
    run.latencyImage().ifPresent(image -> {
      lines.add("");
      lines.add("![Latency by percentile, per scenario](" + image + ")");
    });
    run.sweep().ifPresent(sweep -> {
      lines.add("");
      lines.add("## Package-count sweep");
      lines.add("");
      lines.addAll(sweepMixTable(sweep));
      lines.add("");
      lines.addAll(sweepTable(sweep));
      lines.add("");
      lines.add(String.format(Locale.ROOT,
          "Target: each call's p50 and p99 at the largest size at most %.1f times those at the smallest, no errors;"
              + " the sweep's RecordUsage calls lost exactly their messages: %s.",
          SweepResult.MAX_GROWTH, sweep.quotaConsistent() ? "consistent" : "INCONSISTENT"));
    });
    run.sweepImage().ifPresent(image -> {
      lines.add("");
      lines.add("![p50 and p99 by package count, per call](" + image + ")");
    });
    run.footprint().ifPresent(footprint -> {
      lines.add("");
      lines.add("## Footprint");
      lines.add("");
      lines.addAll(footprintTable(footprint));
    });
    lines.add("");
    return String.join("\n", lines);
  }

  static List<String> yardstickTable(Yardsticks yardsticks) {
    List<String> lines = new ArrayList<>();
    lines.add("| yardstick | script | tps | latency average ms |");
    lines.add("|---|---|---:|---:|");
    for (Yardstick y : Yardstick.values()) {
      yardsticks.result(y).ifPresent(r -> lines.add(String.format(Locale.ROOT, "| %s | %s | %.0f | %s |",
          y.label(), y.description(), r.tps(),
          r.latencyAverageMillis().isPresent() ? String.format(Locale.ROOT, "%.3f", r.latencyAverageMillis().getAsDouble()) : "n/a")));
    }
    if (lines.size() == 2) {
      lines.add("| none | pgbench did not run | | |");
    }
    return lines;
  }

  static List<String> scenarioTable(List<ScenarioResult> results, Yardsticks yardsticks) {
    List<String> lines = new ArrayList<>();
    lines.add("| scenario | rate | p50 ms | p99 ms | p99.9 ms | errors | yardstick tps | ratio | target | verdict | CPU: JVM / PostgreSQL / other |");
    lines.add("|---|---:|---:|---:|---:|---:|---:|---:|---|---|---|");
    for (ScenarioResult r : results) {
      Target target = r.target();
      double tps = yardsticks.tps(target.yardstick());
      String cpu = r.cpu()
          .map(c -> String.format(Locale.ROOT, "%.0f%% / %.0f%% / %.0f%%", c.self() * 100, c.postgres() * 100, c.other() * 100))
          .orElse("n/a");
      lines.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |",
          r.scenario().kind().label(),
          r.unavailable() ? "n/a" : String.format(Locale.ROOT, "%.0f %s", r.rate(), r.scenario().kind().rateUnit()),
          ms(r.percentileMillis(50)), ms(r.percentileMillis(99)), ms(r.percentileMillis(99.9)),
          r.unavailable() ? "n/a" : Long.toString(r.measuredErrors() + r.otherErrors()),
          tps > 0 ? String.format(Locale.ROOT, "%s %.0f", target.yardstick().option(), tps) : "n/a",
          Double.isNaN(r.ratio(yardsticks)) || r.unavailable() ? "n/a" : String.format(Locale.ROOT, "%.2f", r.ratio(yardsticks)),
          shortTarget(target), r.verdict(yardsticks), cpu));
    }
    return lines;
  }

  static List<String> sweepMixTable(SweepResult sweep) {
    List<String> lines = new ArrayList<>();
    lines.add("| packages | active | of which the usage may draw from | expired | exhausted | inserted | insert + vacuum s |");
    lines.add("|---:|---:|---:|---:|---:|---:|---:|");
    for (SweepResult.Size s : sweep.sizes()) {
      lines.add(String.format(Locale.ROOT, "| %,d | %,d | %,d | %,d | %,d | %,d | %.1f |",
          s.mix().total(), s.mix().active(), s.mix().usable(), s.mix().expired(), s.mix().exhausted(), s.inserted(),
          s.insertSeconds()));
    }
    return lines;
  }

  /** One row per call: p50 / p99 in ms at each size, then largest over smallest and the verdict. */
  static List<String> sweepTable(SweepResult sweep) {
    List<String> lines = new ArrayList<>();
    StringBuilder header = new StringBuilder("| call (p50 / p99 ms) |");
    StringBuilder rule = new StringBuilder("|---|");
    for (SweepResult.Size s : sweep.sizes()) {
      header.append(String.format(Locale.ROOT, " %,d |", s.packages()));
      rule.append("---:|");
    }
    lines.add(header + " p50 largest/smallest | p99 largest/smallest | verdict |");
    lines.add(rule + "---:|---:|---|");
    for (SweepCall call : sweep.calls()) {
      StringBuilder row = new StringBuilder("| " + call.label() + " |");
      for (SweepResult.Size s : sweep.sizes()) {
        row.append(" ").append(ms(sweep.millis(call, s.packages(), 50))).append(" / ")
            .append(ms(sweep.millis(call, s.packages(), 99))).append(" |");
      }
      List<String> missed = sweep.missed(call);
      row.append(String.format(Locale.ROOT, " %s | %s | %s |", times(sweep.growth(call, 50)), times(sweep.growth(call, 99)),
          missed.isEmpty() ? "PASS" : "FAIL (" + String.join(", ", missed) + ")"));
      lines.add(row.toString());
    }
    return lines;
  }

  static List<String> footprintTable(Footprint.Result f) {
    List<String> lines = new ArrayList<>();
    lines.add("| measure | figure | target | verdict |");
    lines.add("|---|---:|---|---|");
    lines.add(String.format(Locale.ROOT, "| launch to SERVING, embedded, first start (creates the data directory%s) | %.2f s | | |",
        f.classDataSharing() ? " and the CDS archive" : "", Footprint.seconds(f.firstEmbeddedStart())));
    lines.add(String.format(Locale.ROOT, "| launch to SERVING, embedded, kept data directory (median of %s s) | %.2f s | < %d s | %s |",
        seconds(f.embeddedStarts()), Footprint.seconds(f.embeddedMedian()), Footprint.EMBEDDED_TARGET.toSeconds(),
        f.embeddedMedian().compareTo(Footprint.EMBEDDED_TARGET) < 0 ? "PASS" : "FAIL"));
    lines.add(String.format(Locale.ROOT, "| launch to SERVING, external database (median of %s s) | %.2f s | < %d s | %s |",
        seconds(f.externalStarts()), Footprint.seconds(f.externalMedian()), Footprint.EXTERNAL_TARGET.toSeconds(),
        f.externalMedian().compareTo(Footprint.EXTERNAL_TARGET) < 0 ? "PASS" : "FAIL"));
    f.embeddedCpuMedian().ifPresent(cpu -> lines.add(String.format(Locale.ROOT,
        "| CPU time of the JVM to SERVING, embedded, kept data directory (median of %s s) | %.2f s | | |",
        seconds(f.embeddedCpu()), Footprint.seconds(cpu))));
    f.externalCpuMedian().ifPresent(cpu -> lines.add(String.format(Locale.ROOT,
        "| CPU time of the JVM to SERVING, external database (median of %s s) | %.2f s | | |",
        seconds(f.externalCpu()), Footprint.seconds(cpu))));
    lines.add(String.format(Locale.ROOT, "| server RSS when SERVING | %.0f MB | | |", Footprint.megabytes(f.idleRssKib())));
    lines.add(String.format(Locale.ROOT, "| server RSS, peak under RecordUsage load (%.0f calls/s, p99 %s ms) | %.0f MB | < %d MB | %s |",
        f.load().callsPerSecond(), ms(f.load().percentileMillis(99)), Footprint.megabytes(f.peakRssKib()),
        Footprint.RSS_TARGET_BYTES / 1_000_000, f.peakRssKib() * 1024 < Footprint.RSS_TARGET_BYTES ? "PASS" : "FAIL"));
    lines.add("");
    lines.add("Server: " + f.serverJar() + " started by the distribution's launcher (bin/resource-plans) with "
        + (f.javaOptionsGiven() ? "JAVA_OPTS `" : "its default JVM options `") + String.join(" ", f.javaOptions()) + "`"
        + (f.classDataSharing()
            ? "; the first start made its class data sharing archive, the others used it."
            : "; no class data sharing archive."));
    return lines;
  }

  private static String shortTarget(Target target) {
    if (!target.boundsRate() && !target.boundsP99()) {
      return "no rate set";
    }
    String ratio = String.format(Locale.ROOT, ">= %s x %s", trim(target.minRatio()), target.yardstick().option());
    return target.boundsP99() ? ratio + String.format(Locale.ROOT, ", p99 < %s ms", trim(target.maxP99Millis())) : ratio;
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? String.format(Locale.ROOT, "%.1f", value) : Double.toString(value);
  }

  private static String seconds(List<java.time.Duration> durations) {
    return String.join(" / ", durations.stream().map(d -> String.format(Locale.ROOT, "%.2f", Footprint.seconds(d))).toList());
  }

  private static String times(double ratio) {
    return Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2f", ratio);
  }

  static String ms(double millis) {
    return Double.isNaN(millis) ? "n/a" : String.format(Locale.ROOT, "%.2f", millis);
  }
}
