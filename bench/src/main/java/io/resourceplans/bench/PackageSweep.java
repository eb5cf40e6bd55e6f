package io.resourceplans.bench;

import io.resourceplans.client.ResourcePlansException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The package-count sweep: one account per size, prepared through the API and grown by SQL to its
 * size; then the measured calls in rounds, each round sending every {@link SweepCall} to every
 * account (sizes in a rotating order) one call after another, an unmeasured warm-up first, so
 * the latencies are the calls' own, not queueing behind other callers, and a slow moment of the
 * machine (a checkpoint, autovacuum) falls on all sizes alike instead of on the one measured then.
 * Each account's packages must lose exactly one message per recorded usage.
 */
final class PackageSweep {
  /** Bounds each call kind's measured calls at one size in one round, should a call be very slow at a large size. */
  private static final Duration CALL_LIMIT = Duration.ofSeconds(60);
  private static final int SAMPLED_PACKAGES = 100;

  private final BenchDatabase database;
  private final AccountPreparer preparer;
  private final int calls;
  private final int rounds;
  private final BenchReport report;

  PackageSweep(BenchDatabase database, AccountPreparer preparer, int calls, int rounds, BenchReport report) {
    this.database = database;
    this.preparer = preparer;
    this.calls = calls;
    this.rounds = rounds;
    this.report = report;
  }

  /** One size's account as grown, and what its usage recorded. */
  private static final class Grown {
    final int size;
    final BenchAccount account;
    final SweepData.Mix mix;
    final long inserted;
    final double insertSeconds;
    final List<String> packageIds;
    final long remainingBefore;
    long recorded;

    Grown(int size, BenchAccount account, SweepData.Mix mix, long inserted, double insertSeconds,
        List<String> packageIds, long remainingBefore) {
      this.size = size;
      this.account = account;
      this.mix = mix;
      this.inserted = inserted;
      this.insertSeconds = insertSeconds;
      this.packageIds = packageIds;
      this.remainingBefore = remainingBefore;
    }
  }

  SweepResult run(List<Integer> sizes) throws Exception {
    // Each account's one package of 100,000 general messages, bought through the API, is the
    // usage's fallback, so that the sweep's RecordUsage never runs out whatever the grown history holds.
    List<BenchAccount> accounts = preparer.prepare("Bench Sweep Shop", sizes.size(), 1);
    String runTag = "sweep-" + Long.toString(System.currentTimeMillis(), 36);
    int perRound = Math.max(1, calls / rounds);
    int warmup = Math.max(5, perRound / 10);
    SweepResult result = new SweepResult();
    report.line("== package-count sweep: one account per size, grown by SQL to %s packages; %d rounds, each with every"
            + " size and call: %d warm-up (%d in the first round) + %d measured calls one after another (at most %d s each)",
        sizes, rounds, warmup, perRound, perRound, CALL_LIMIT.toSeconds());
    List<Grown> grown = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl())) {
      for (int i = 0; i < sizes.size(); i++) {
        int size = sizes.get(i);
        BenchAccount account = accounts.get(i);
        long insertStart = System.nanoTime();
        long inserted = SweepData.grow(connection, account.accountId(), size, false);
        double insertSeconds = (System.nanoTime() - insertStart) / 1e9;
        SweepData.Mix mix = SweepData.mix(connection, account.accountId(), AccountPreparer.PRODUCT, AccountPreparer.REGION,
            UsageCaller.USAGE_PURPOSE.name().substring("PURPOSE_".length()));
        report.sweepSize(size, mix, inserted, insertSeconds);
        grown.add(new Grown(size, account, mix, inserted, insertSeconds,
            SweepData.samplePackageIds(connection, account.accountId(), SAMPLED_PACKAGES),
            AccountPreparer.remaining(account)));
      }
    }
    long n = 0;
    for (int round = 0; round < rounds; round++) {
      for (int k = 0; k < grown.size(); k++) {
        Grown g = grown.get((k + round) % grown.size());
        String prefix = runTag + "-" + g.size;
        for (SweepCall call : SweepCall.values()) {
          Histogram latency = new Histogram(CallerStats.HIGHEST_NANOS, 3);
          // The first round warms each call and size up as long as it then measures: the JIT and
          // the caches start cold for whichever size comes first.
          for (int i = 0; i < (round == 0 ? perRound : warmup); i++, n++) {
            if (send(call, g.account, prefix, g.packageIds, n, result) && call == SweepCall.RECORD_USAGE) {
              g.recorded++;
            }
          }
          long deadline = System.nanoTime() + CALL_LIMIT.toNanos();
          for (int i = 0; i < perRound && System.nanoTime() < deadline; i++, n++) {
            long start = System.nanoTime();
            if (send(call, g.account, prefix, g.packageIds, n, result)) {
              latency.recordValue(Math.min(System.nanoTime() - start, CallerStats.HIGHEST_NANOS));
              g.recorded += call == SweepCall.RECORD_USAGE ? 1 : 0;
            }
          }
          result.latency(call, g.size, latency);
        }
      }
    }
    for (Grown g : grown) {
      report.line("-- %,d packages", g.size);
      for (SweepCall call : SweepCall.values()) {
        report.sweepCall(call, result, g.size);
      }
      long deducted = g.remainingBefore - AccountPreparer.remaining(g.account);
      SweepResult.Size measured = new SweepResult.Size(g.size, g.mix, g.inserted, g.insertSeconds, deducted, g.recorded);
      result.add(measured);
      report.line("   quota          packages lost %d; %d usages recorded: %s",
          deducted, g.recorded, measured.quotaConsistent() ? "consistent" : "INCONSISTENT");
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
