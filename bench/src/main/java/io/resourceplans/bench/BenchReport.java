package io.resourceplans.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints the figures: one block per scenario as it ends, then Markdown tables of the run. */
final class BenchReport {
  private final PrintStream out;

  BenchReport(PrintStream out) {
    this.out = out;
  }

  void line(String format, Object... args) {
    out.println(String.format(Locale.ROOT, format, args));
    out.flush();
  }

  void pgbench(Yardstick yardstick, PgbenchResult result) {
    line("== %s (%s): %.1f tps%s%s",
        yardstick.label(), yardstick.description(),
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

  void scenario(ScenarioResult r, Yardsticks yardsticks, int warmupSeconds, int batchSize) {
    Scenario.Kind kind = r.scenario().kind();
    line("== %s: %s (%d callers, %d s warm-up, %.1f s measured)",
        kind.label(), r.scenario().describe(batchSize), r.callers(), warmupSeconds, r.measuredSeconds());
    if (r.unavailable()) {
      line("   NOT AVAILABLE: %s", r.abortReason());
      return;
    }
    if (r.aborted()) {
      line("   ABORTED: %s", r.abortReason());
    }
    if (kind == Scenario.Kind.BATCH) {
      line("   records/s      %.1f   (%d records recorded in %d successful calls in the measured period, %.1f calls/s)",
          r.rate(), r.stats().measuredRecords, r.successfulCalls(), r.callsPerSecond());
    } else {
      line("   calls/s        %.1f   (%d successful in the measured period: %d new, %d resent)",
          r.callsPerSecond(), r.successfulCalls(), r.stats().measuredFresh, r.stats().measuredRetried);
    }
    line("   latency ms     p50 %s  p99 %s  p99.9 %s  max %s  mean %s",
        ms(r.percentileMillis(50)), ms(r.percentileMillis(99)), ms(r.percentileMillis(99.9)),
        ms(r.maxMillis()), ms(r.meanMillis()));
    line("   errors         %d in the measured period%s; %d in warm-up or at a boundary%s",
        r.measuredErrors(), counts(r.stats().measuredErrors), r.otherErrors(), counts(r.stats().otherErrors));
    if (r.scenario().retryPercent() > 0) {
      line("   resends        %d answered exactly as the first time, %d differently",
          r.stats().measuredRetried, r.stats().retryMismatches);
    }
    if (r.stats().unexpectedAnswers > 0 || r.stats().replayedRecords > 0) {
      line("   answers        %d unexpected%s", r.stats().unexpectedAnswers,
          kind == Scenario.Kind.BATCH ? ", " + r.stats().replayedRecords + " records replayed (a resent call)" : "");
    }
    String acknowledged = kind == Scenario.Kind.CHECK_QUOTA || kind == Scenario.Kind.RPC_FLOOR
        ? "nothing to deduct (read-only)"
        : r.stats().acknowledgedFresh + (kind == Scenario.Kind.BATCH ? " records" : " new requests") + " acknowledged";
    line("   quota          %s %d; %s%s: %s",
        kind.payAsYouGo() ? "wallets charged for messages:" : "packages lost",
        r.deducted(), acknowledged,
        r.stats().ambiguous > 0 ? " (+ up to " + r.stats().ambiguous + " ambiguous)" : "",
        r.quotaConsistent() ? "consistent" : "INCONSISTENT");
    if (!r.throughputPerInterval().isEmpty()) {
      line("   %s every %d s from the start of warm-up: %s", kind.rateUnit(), Throughput.INTERVAL_SECONDS,
          r.throughputPerInterval().stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).collect(Collectors.joining(" ")));
    }
    r.cpu().ifPresent(c -> line("   CPU            %s", c.describe(Runtime.getRuntime().availableProcessors())));
    Yardstick yardstick = r.target().yardstick();
    double tps = yardsticks.tps(yardstick);
    if (tps > 0) {
      line("   vs %s %.1f %s / %.1f tps = %.2f", yardstick.label(), r.rate(), kind.rateUnit(), tps, r.rate() / tps);
    } else {
      line("   vs %s no pgbench figure", yardstick.label());
    }
    line("   target         %s", verdict(r, yardsticks));
  }

  void sweepSize(int size, SweepData.Mix mix, long inserted, double insertSeconds) {
    line("-- %,d packages (%,d inserted by SQL in %.1f s, vacuum and analyze included): %,d active (%,d of them usable by"
            + " the usage), %,d expired, %,d exhausted",
        mix.total(), inserted, insertSeconds, mix.active(), mix.usable(), mix.expired(), mix.exhausted());
    if (mix.total() != size) {
      line("   (asked for %,d)", size);
    }
  }

  void sweepCall(SweepCall call, SweepResult result, int size) {
    Map<String, Long> errors = result.errors(call);
    line("   %-24s p50 %7s  p99 %7s ms  (%d calls)%s", call.label(),
        ms(result.millis(call, size, 50)), ms(result.millis(call, size, 99)), result.count(call, size),
        errors.isEmpty() ? "" : "  errors so far" + counts(errors));
  }

  /** The closing summary: the same tables report.md holds. */
  void tables(MarkdownReport.Run run) {
    line("");
    line("Results on %s", run.machine());
    line("(%s)", run.settings());
    line("");
    MarkdownReport.yardstickTable(run.yardsticks()).forEach(l -> line("%s", l));
    line("");
    if (!run.results().isEmpty()) {
      MarkdownReport.scenarioTable(run.results(), run.yardsticks()).forEach(l -> line("%s", l));
    }
    run.sweep().ifPresent(sweep -> {
      line("");
      MarkdownReport.sweepMixTable(sweep).forEach(l -> line("%s", l));
      line("");
      MarkdownReport.sweepTable(sweep).forEach(l -> line("%s", l));
    });
    run.footprint().ifPresent(footprint -> {
      line("");
      MarkdownReport.footprintTable(footprint).forEach(l -> line("%s", l));
    });
  }

  private static String verdict(ScenarioResult r, Yardsticks yardsticks) {
    List<String> missed = r.missedTargets(yardsticks);
    String target = r.target().describe(r.scenario().kind().rateUnit()) + ", no errors";
    String note = r.callers() == Target.CALLERS ? "" : " [the target is defined at " + Target.CALLERS + " callers]";
    return (missed.isEmpty() ? "PASS (" + target + ")" : "FAIL: " + String.join("; ", missed) + " (target: " + target + ")") + note;
  }

  private static String ms(double millis) {
    return MarkdownReport.ms(millis);
  }

  private static String counts(Map<String, Long> byCode) {
    return byCode.isEmpty()
        ? ""
        : byCode.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", " (", ")"));
  }
}
