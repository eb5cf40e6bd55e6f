package io.resourceplans.bench;

import io.resourceplans.client.ResourcePlansException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The package-count sweep: one account, prepared through the API, grown by SQL to each size in
 * turn; at each size every {@link SweepCall} is sent one call after another (a short unmeasured
 * warm-up, then the measured calls), so the latencies are the calls' own, not queueing behind
 * other callers. The account's packages must lose exactly one message per recorded usage.
 */
final class PackageSweep {
  /** Bounds each call kind's measured calls at one size, should a call be very slow at a large size. */
  private static final Duration CALL_LIMIT = Duration.ofSeconds(60);
  private static final int SAMPLED_PACKAGES = 100;

  private final BenchDatabase database;
  private final AccountPreparer preparer;
  private final int calls;
  private final BenchReport report;

  PackageSweep(BenchDatabase database, AccountPreparer preparer, int calls, BenchReport report) {
    this.database = database;
    this.preparer = preparer;
    this.calls = calls;
    this.report = report;
  }

  SweepResult run(List<Integer> sizes) throws Exception {
    // One package of 100,000 general messages bought through the API: the usage's fallback, so
    // that the sweep's RecordUsage never runs out whatever the grown history holds.
    BenchAccount account = preparer.prepare("Bench Sweep Shop", 1, 1).get(0);
    String runTag = "sweep-" + Long.toString(System.currentTimeMillis(), 36);
    int warmup = Math.max(10, calls / 10);
    SweepResult result = new SweepResult();
    report.line("== package-count sweep: account %s grown by SQL to %s packages; per size and call %d warm-up + %d measured"
            + " calls one after another (at most %d s each)",
        account.accountId(), sizes, warmup, calls, CALL_LIMIT.toSeconds());
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl())) {
      for (int size : sizes) {
        long insertStart = System.nanoTime();
        long inserted = SweepData.grow(connection, account.accountId(), size, false);
        double insertSeconds = (System.nanoTime() - insertStart) / 1e9;
        SweepData.Mix mix = SweepData.mix(connection, account.accountId(), AccountPreparer.PRODUCT, AccountPreparer.REGION,
            UsageCaller.USAGE_PURPOSE.name().substring("PURPOSE_".length()));
        List<String> packageIds = SweepData.samplePackageIds(connection, account.accountId(), SAMPLED_PACKAGES);
        report.sweepSize(size, mix, inserted, insertSeconds);

        long before = AccountPreparer.remaining(account);
        long recorded = 0;
        for (SweepCall call : SweepCall.values()) {
          String prefix = runTag + "-" + size;
          Histogram latency = new Histogram(CallerStats.HIGHEST_NANOS, 3);
          long n = 0;
          for (int i = 0; i < warmup; i++, n++) {
            if (send(call, account, prefix, packageIds, n, result)) {
              recorded += call == SweepCall.RECORD_USAGE ? 1 : 0;
            }
          }
          long deadline = System.nanoTime() + CALL_LIMIT.toNanos();
          for (int i = 0; i < calls && System.nanoTime() < deadline; i++, n++) {
            long start = System.nanoTime();
            if (send(call, account, prefix, packageIds, n, result)) {
              latency.recordValue(Math.min(System.nanoTime() - start, CallerStats.HIGHEST_NANOS));
              recorded += call == SweepCall.RECORD_USAGE ? 1 : 0;
            }
          }
          result.latency(call, size, latency);
          report.sweepCall(call, result, size);
        }
        long deducted = before - AccountPreparer.remaining(account);
        SweepResult.Size measured = new SweepResult.Size(size, mix, inserted, insertSeconds, deducted, recorded);
        result.add(measured);
        report.line("   quota          packages lost %d; %d usages recorded: %s",
            deducted, recorded, measured.quotaConsistent() ? "consistent" : "INCONSISTENT");
      }
    }
    return result;
  }

  /** Sends one call; a refusal is counted against the call kind and gives false. */
  private static boolean send(
      SweepCall call, BenchAccount account, String prefix, List<String> packageIds, long n, SweepResult result) {
    try {
      call.call(account.plan(), prefix, packageIds, n);
      return true;
    } catch (ResourcePlansException e) {
      result.error(call, e.reasonName().isEmpty() ? e.code().name() : e.code() + " " + e.reasonName());
      return false;
    }
  }
}
