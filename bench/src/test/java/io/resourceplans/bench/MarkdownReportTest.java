package io.resourceplans.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report and its plots from made-up figures: what is PASS, FAIL and NOT AVAILABLE, and how it reads. */
class MarkdownReportTest {
  /** Never connected: the accounts only label the scenarios here. */
  private static final ManagedChannel NOWHERE =
      Grpc.newChannelBuilder("127.0.0.1:1", InsecureChannelCredentials.create()).build();
  private static final List<BenchAccount> ACCOUNTS = List.of(new BenchAccount("acc-1", "key-1", NOWHERE));

  @AfterAll
  static void closeChannel() {
    NOWHERE.shutdownNow();
  }

  @Test
  void judgesEachScenarioAgainstItsOwnYardstick() {
    Yardsticks yardsticks = yardsticks(3_000, 20_000);
    // 3,300 calls/s (1.1 x -N), p99 8 ms: passes.
    ScenarioResult many = result(Scenario.Kind.MANY_ACCOUNTS, 3_300, 8, null, false);
    // 9,000 calls/s is 0.45 x -S: fails, although it is 3 x -N.
    ScenarioResult check = result(Scenario.Kind.CHECK_QUOTA, 9_000, 3, null, false);
    // 16,000 records/s is 5.3 x -N: passes, with a p99 far above 10 ms (no bound for the batch).
    ScenarioResult batch = result(Scenario.Kind.BATCH, 16_000, 90, null, false);
    ScenarioResult missing = result(Scenario.Kind.BATCH, 0, 0, "RecordUsages answers UNIMPLEMENTED: not available on this server build", true);

    assertEquals("PASS", many.verdict(yardsticks));
    assertEquals("FAIL", check.verdict(yardsticks));
    assertEquals(List.of("ratio 0.45 < 0.50"), check.missedTargets(yardsticks));
    assertEquals("PASS", batch.verdict(yardsticks));
    assertEquals("NOT AVAILABLE", missing.verdict(yardsticks));

    List<String> table = MarkdownReport.scenarioTable(List.of(many, check, batch, missing), yardsticks);
    assertEquals(6, table.size());
    assertTrue(table.get(2).startsWith("| many-accounts | 3300 calls/s | "), table.get(2));
    assertTrue(table.get(2).contains("| -N 3000 | 1.10 | >= 1.0 x -N, p99 < 10.0 ms | PASS |"), table.get(2));
    assertTrue(table.get(3).contains("| -S 20000 | 0.45 | >= 0.5 x -S, p99 < 10.0 ms | FAIL |"), table.get(3));
    assertTrue(table.get(4).contains("16000 records/s"), table.get(4));
    assertTrue(table.get(4).contains("| >= 5.0 x -N | PASS |"), table.get(4));
    assertTrue(table.get(5).startsWith("| batch | n/a | n/a | n/a | n/a | n/a | -N 3000 | n/a |"), table.get(5));
    assertTrue(table.get(5).contains("| NOT AVAILABLE |"), table.get(5));
  }

  @Test
  void holdsHaveNoRateTargetOnlyNoErrorsAndExactQuota() {
    Yardsticks yardsticks = yardsticks(3_000, 20_000);
    // 200 pairs/s is 0.07 x -N, with a p99 of 60 ms: no rate or latency is asked of holds.
    ScenarioResult holds = result(Scenario.Kind.HOLDS, 200, 60, null, false);
    assertEquals("PASS", holds.verdict(yardsticks));
    String row = MarkdownReport.scenarioTable(List.of(holds), yardsticks).get(2);
    assertTrue(row.startsWith("| holds | 200 pairs/s | "), row);
    assertTrue(row.contains("| -N 3000 | 0.07 | no rate set | PASS |"), row);
    assertEquals("no rate set (reported against pgbench -N)", holds.target().describe(Scenario.Kind.HOLDS.rateUnit()));

    holds.stats().measuredErrors.merge("ABORTED", 1L, Long::sum);
    assertEquals("FAIL", holds.verdict(yardsticks));
  }

  @Test
  void sweepGrowthIsLargestOverSmallestAndBoundedAtOneAndAHalf() {
    SweepResult sweep = sweep();
    assertEquals(1.2, sweep.growth(SweepCall.CHECK_QUOTA, 50), 0.01);
    assertEquals(List.of(), sweep.missed(SweepCall.CHECK_QUOTA));
    assertEquals(List.of("p50 x5.00", "p99 x5.00"), sweep.missed(SweepCall.LIST_EXPIRED));
    List<String> table = MarkdownReport.sweepTable(sweep);
    assertEquals("| call (p50 / p99 ms) | 1,000 | 100,000 | p50 largest/smallest | p99 largest/smallest | verdict |", table.get(0));
    assertTrue(table.get(2).startsWith("| CheckQuota | 1.00 / 1.00 | 1.20 / 1.20 | 1.20 | 1.20 | PASS |"), table.get(2));
    String expired = table.get(table.size() - 1);
    assertTrue(expired.startsWith("| ListPackages EXPIRED | 1.00 / 1.00 | 5.00 / 5.00 | 5.00 | 5.00 | FAIL (p50 x5.00, p99 x5.00) |"), expired);
  }

  @Test
  void writesTheReportWithItsPlots(@TempDir Path dir) throws Exception {
    Yardsticks yardsticks = yardsticks(3_000, 20_000);
    List<ScenarioResult> results = List.of(
        result(Scenario.Kind.MANY_ACCOUNTS, 3_300, 8, null, false), result(Scenario.Kind.CHECK_QUOTA, 9_000, 3, null, false));
    assertTrue(LatencyCharts.writeLatency(dir.resolve(LatencyCharts.LATENCY_FILE), results, "test"));
    LatencyCharts.writeSweep(dir.resolve(LatencyCharts.SWEEP_FILE), sweep());
    for (String file : List.of(LatencyCharts.LATENCY_FILE, LatencyCharts.SWEEP_FILE)) {
      byte[] head = Arrays.copyOf(Files.readAllBytes(dir.resolve(file)), 8);
      assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head, file);
    }
    Footprint.Result footprint = new Footprint.Result(Path.of("server.jar"), List.of("-Xmx256m"), false, true, Duration.ofMillis(4_200),
        List.of(Duration.ofMillis(1_900), Duration.ofMillis(1_500), Duration.ofMillis(1_600)),
        List.of(Duration.ofMillis(1_100), Duration.ofMillis(900), Duration.ofMillis(950)),
        List.of(Duration.ofMillis(2_500), Duration.ofMillis(2_300), Duration.ofMillis(2_400)),
        List.of(Duration.ofMillis(2_000), Duration.ofMillis(1_800), Duration.ofMillis(1_900)), 150_000, 250_000, results.get(0));
    assertEquals(List.of(), footprint.missed());

    String report = MarkdownReport.render(new MarkdownReport.Run("2 CPUs (test)", "2026-12-07T00:00:00Z", "16 callers",
        yardsticks, results, Optional.of(sweep()), Optional.of(footprint),
        Optional.of(LatencyCharts.LATENCY_FILE), Optional.of(LatencyCharts.SWEEP_FILE)));
    assertTrue(report.contains("Run started 2026-12-07T00:00:00Z on 2 CPUs (test)."), report);
    assertTrue(report.contains("| pgbench -S | select only | 20000 | 0.500 |"), report);
    assertTrue(report.contains("- check-quota: calls/s >= 0.5 x pgbench -S tps, p99 < 10.0 ms — FAIL (ratio 0.45 < 0.50)"), report);
    assertTrue(report.contains("![Latency by percentile, per scenario](latency-percentiles.png)"), report);
    assertTrue(report.contains("![p50 and p99 by package count, per call](package-sweep.png)"), report);
    assertTrue(report.contains("| launch to SERVING, embedded, kept data directory (median of 1.90 / 1.50 / 1.60 s) | 1.60 s | < 2 s | PASS |"), report);
    assertTrue(report.contains("| launch to SERVING, external database (median of 1.10 / 0.90 / 0.95 s) | 0.95 s | < 1 s | PASS |"), report);
    assertTrue(report.contains("| CPU time of the JVM to SERVING, embedded, kept data directory (median of 2.50 / 2.30 / 2.40 s) | 2.40 s | | |"), report);
    assertTrue(report.contains("| CPU time of the JVM to SERVING, external database (median of 2.00 / 1.80 / 1.90 s) | 1.90 s | | |"), report);
    assertTrue(report.contains("| 256 MB | < 300 MB | PASS |"), report);
    assertTrue(report.contains("its default JVM options `-Xmx256m`; the first start made its class data sharing archive"), report);
  }

  private static Yardsticks yardsticks(double simpleUpdateTps, double selectOnlyTps) {
    Yardsticks yardsticks = new Yardsticks();
    yardsticks.put(Yardstick.SIMPLE_UPDATE, PgbenchResult.parse("latency average = 5.000 ms\ntps = " + simpleUpdateTps + " (without initial connection time)\n", List.of("pgbench", "-N")));
    yardsticks.put(Yardstick.SELECT_ONLY, PgbenchResult.parse("latency average = 0.500 ms\ntps = " + selectOnlyTps + " (without initial connection time)\n", List.of("pgbench", "-S")));
    return yardsticks;
  }

  /** {@code rate} per second over 10 s, latencies 1..p99Millis ms (p99 about p99Millis). */
  private static ScenarioResult result(Scenario.Kind kind, long rate, long p99Millis, String abortReason, boolean unavailable) {
    CallerStats stats = new CallerStats();
    long calls = kind == Scenario.Kind.BATCH ? rate * 10 / 100 : rate * 10;
    for (long i = 0; i < calls; i++) {
      stats.recordLatency((1 + i % p99Millis) * 1_000_000L);
    }
    stats.measuredFresh = calls;
    stats.measuredRecords = rate * 10;
    stats.acknowledgedFresh = kind == Scenario.Kind.CHECK_QUOTA ? 0 : rate * 10;
    long deducted = stats.acknowledgedFresh;
    return new ScenarioResult(new Scenario(kind, ACCOUNTS, 0), 16, unavailable ? 0 : 10.0, stats, 1_000_000, 1_000_000 - deducted,
        Optional.empty(), List.of(), abortReason, unavailable);
  }

  private static SweepResult sweep() {
    SweepResult sweep = new SweepResult();
    SweepData.Mix small = new SweepData.Mix(1_000, 10, 4, 140, 850);
    SweepData.Mix large = new SweepData.Mix(100_000, 1_000, 400, 14_000, 85_000);
    sweep.add(new SweepResult.Size(1_000, small, 999, 0.1, 300, 300));
    sweep.add(new SweepResult.Size(100_000, large, 99_000, 3.0, 300, 300));
    for (SweepCall call : SweepCall.values()) {
      double growth = call == SweepCall.LIST_EXPIRED ? 5.0 : 1.2;
      sweep.latency(call, 1_000, constant(1.0));
      sweep.latency(call, 100_000, constant(growth));
    }
    return sweep;
  }

  private static Histogram constant(double millis) {
    Histogram h = new Histogram(CallerStats.HIGHEST_NANOS, 3);
    h.recordValueWithCount((long) (millis * 1e6), 300);
    return h;
  }
}
