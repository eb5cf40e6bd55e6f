package io.resourceplans.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints the figures: one block per scenario as it ends, then a Markdown table of the run. */
final class BenchReport {
  private final PrintStream out;

  BenchReport(PrintStream out) {
    this.out = out;
  }

  void line(String format, Object... args) {
    out.println(String.format(Locale.ROOT, format, args));
    out.flush();
  }

  void pgbench(PgbenchResult result) {
    line("== pgbench -N (simple update): %.1f tps%s%s",
        result.tps(),
        result.latencyAverageMillis().isPresent()
            ? String.format(Locale.ROOT, ", latency average %.3f ms", result.latencyAverageMillis().getAsDouble())
            : "",
        result.failedTransactions().isPresent() ? ", " + result.failedTransactions().getAsLong() + " failed" : "");
    line("   %s", String.join(" ", result.command()));
  }

  void jvmWarmup(ScenarioResult r, int seconds) {
    List<Double> timeline = r.throughputPerInterval();
    line("== JVM warm-up: %d s of %s load, unmeasured; calls/s every %d s: %s",
        seconds, r.scenario().kind().label(), Throughput.INTERVAL_SECONDS,
        timeline.isEmpty() ? "n/a" : timeline.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).collect(Collectors.joining(" ")));
    if (r.aborted()) {
      line("   ABORTED: %s", r.abortReason());
    }
    if (r.otherErrors() > 0) {
      line("   errors         %d%s", r.otherErrors(), counts(r.stats().otherErrors));
    }
  }

  void scenario(ScenarioResult r, double pgbenchTps, int warmupSeconds) {
    line("== %s: %s (%d callers, %d s warm-up, %.1f s measured)",
        r.scenario().kind().label(), r.scenario().describe(), r.callers(), warmupSeconds, r.measuredSeconds());
    if (r.aborted()) {
      line("   ABORTED: %s", r.abortReason());
    }
    line("   calls/s        %.1f   (%d successful in the measured period: %d new, %d resent)",
        r.callsPerSecond(), r.successfulCalls(), r.stats().measuredFresh, r.stats().measuredRetried);
    line("   latency ms     p50 %s  p99 %s  p99.9 %s  max %s  mean %s",
        ms(r.percentileMillis(50)), ms(r.percentileMillis(99)), ms(r.percentileMillis(99.9)),
        ms(r.maxMillis()), ms(r.meanMillis()));
    line("   errors         %d in the measured period%s; %d in warm-up or at a boundary%s",
        r.measuredErrors(), counts(r.stats().measuredErrors), r.otherErrors(), counts(r.stats().otherErrors));
    if (r.scenario().retryPercent() > 0) {
      line("   resends        %d answered exactly as the first time, %d differently",
          r.stats().measuredRetried, r.stats().retryMismatches);
    }
    line("   quota          %s %d; %d new requests acknowledged%s: %s",
        r.scenario().kind().payAsYouGo() ? "wallets charged for messages:" : "packages lost",
        r.deducted(), r.stats().acknowledgedFresh,
        r.stats().ambiguous > 0 ? " (+ up to " + r.stats().ambiguous + " ambiguous errors)" : "",
        r.quotaConsistent() ? "consistent" : "INCONSISTENT");
    if (!r.throughputPerInterval().isEmpty()) {
      line("   calls/s every %d s from the start of warm-up: %s", Throughput.INTERVAL_SECONDS,
          r.throughputPerInterval().stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).collect(Collectors.joining(" ")));
    }
    r.cpu().ifPresent(c -> line("   CPU            %s", c.describe(Runtime.getRuntime().availableProcessors())));
    if (pgbenchTps > 0) {
      line("   vs pgbench -N  %.1f / %.1f tps = %.2f", r.callsPerSecond(), pgbenchTps, r.callsPerSecond() / pgbenchTps);
    } else {
      line("   vs pgbench -N  no pgbench figure");
    }
    line("   target         %s", verdict(r, pgbenchTps));
  }

  void table(Machine machine, List<ScenarioResult> results, double pgbenchTps, BenchOptions options) {
    line("");
    line("Results on %s", machine.label());
    line("(%d callers, %d s JVM warm-up, %d s warm-up + %d s measured per scenario, server pool %d, quantity 1 per call)",
        options.callers(), options.jvmWarmupSeconds(), options.warmupSeconds(), options.seconds(), options.poolSize());
    line("");
    line("| scenario | calls/s | p50 ms | p99 ms | p99.9 ms | errors | pgbench -N tps | ratio | target | CPU: JVM / PostgreSQL / other |");
    line("|---|---:|---:|---:|---:|---:|---:|---:|---|---|");
    for (ScenarioResult r : results) {
      String cpu = r.cpu()
          .map(c -> String.format(Locale.ROOT, "%.0f%% / %.0f%% / %.0f%%", c.self() * 100, c.postgres() * 100, c.other() * 100))
          .orElse("n/a");
      line("| %s | %.0f | %s | %s | %s | %d | %s | %s | %s | %s |",
          r.scenario().kind().label(), r.callsPerSecond(),
          ms(r.percentileMillis(50)), ms(r.percentileMillis(99)), ms(r.percentileMillis(99.9)),
          r.measuredErrors() + r.otherErrors(),
          pgbenchTps > 0 ? String.format(Locale.ROOT, "%.0f", pgbenchTps) : "n/a",
          pgbenchTps > 0 ? String.format(Locale.ROOT, "%.2f", r.callsPerSecond() / pgbenchTps) : "n/a",
          r.missedTargets(pgbenchTps).isEmpty() ? "PASS" : "FAIL",
          cpu);
    }
  }

  private static String verdict(ScenarioResult r, double pgbenchTps) {
    List<String> missed = r.missedTargets(pgbenchTps);
    String target = String.format(Locale.ROOT, "ratio >= %.1f, p99 < %.0f ms, no errors",
        ScenarioResult.TARGET_RATIO, ScenarioResult.TARGET_P99_MS);
    String note = r.callers() == ScenarioResult.TARGET_CALLERS
        ? ""
        : " [the target is defined at " + ScenarioResult.TARGET_CALLERS + " callers]";
    return (missed.isEmpty() ? "PASS (" + target + ")" : "FAIL: " + String.join("; ", missed)) + note;
  }

  private static String ms(double millis) {
    return Double.isNaN(millis) ? "n/a" : String.format(Locale.ROOT, "%.2f", millis);
  }

  private static String counts(Map<String, Long> byCode) {
    return byCode.isEmpty()
        ? ""
        : byCode.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", " (", ")"));
  }
}
