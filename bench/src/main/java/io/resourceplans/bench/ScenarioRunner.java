package io.resourceplans.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/** Runs one scenario: N closed-loop callers, warm-up, measured period, then the quota check. */
final class ScenarioRunner {
  /** Numbers the runs of this JVM, to keep their request IDs apart. */
  private static final AtomicLong RUNS = new AtomicLong();

  private final int callers;
  private final Duration warmup;
  private final Duration measured;
  private final int batchSize;

  ScenarioRunner(int callers, Duration warmup, Duration measured, int batchSize) {
    this.callers = callers;
    this.warmup = warmup;
    this.measured = measured;
    this.batchSize = batchSize;
  }

  ScenarioResult run(Scenario scenario) throws InterruptedException {
    long chargeCents = scenario.kind().payAsYouGo() ? AccountPreparer.chargeCents(scenario.accounts().get(0)) : 0;
    long remainingBefore = remaining(scenario, chargeCents);
    // Request IDs unique to this run: a load that repeated an earlier run's IDs on the same
    // accounts would get idempotent replays, not deductions.
    String runTag = scenario.kind().label() + "-" + Long.toString(RUNS.incrementAndGet(), 36);
    LoadPhase phase = new LoadPhase();
    Throughput throughput = new Throughput();
    AtomicLong accountCursor = new AtomicLong();
    List<LoadCaller> loop = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      String idPrefix = runTag + "-c" + i;
      LoadCaller caller =
          switch (scenario.kind()) {
            case CHECK_QUOTA -> new QuotaCheckCaller(scenario, accountCursor, phase, throughput);
            case RPC_FLOOR -> new HealthCheckCaller(scenario, accountCursor, phase, throughput);
            case BATCH -> new BatchUsageCaller(idPrefix, scenario, batchSize, accountCursor, phase, throughput);
            case HOLDS -> new HoldCaller(idPrefix, scenario, accountCursor, phase, throughput);
            default -> new UsageCaller(idPrefix, scenario, accountCursor, phase, throughput, 0x5eed_0000L + i);
          };
      loop.add(caller);
    }
    List<CompletableFuture<Void>> finished = loop.stream().map(LoadCaller::start).toList();

    long measuredNanos = 0;
    Optional<CpuUse.Shares> cpu = Optional.empty();
    if (phase.waitUnlessAborted(warmup)) {
      phase.measure();
      Optional<CpuUse.Sample> cpuStart = CpuUse.sample();
      long start = System.nanoTime();
      boolean completed = phase.waitUnlessAborted(measured);
      measuredNanos = System.nanoTime() - start;
      cpu = CpuUse.between(cpuStart, CpuUse.sample());
      if (completed) {
        phase.done();
      }
    }
    throughput.close();
    for (int i = 0; i < finished.size(); i++) {
      // Each caller finishes its call in flight; the client deadline bounds it.
      try {
        finished.get(i).get(60, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        throw new IllegalStateException("caller " + i + " did not stop within 60 s", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("caller " + i + " failed", e.getCause());
      }
    }

    CallerStats total = new CallerStats();
    loop.forEach(c -> total.merge(c.stats()));
    long remainingAfter = remaining(scenario, chargeCents);
    return new ScenarioResult(
        scenario, callers, measuredNanos / 1e9, total, remainingBefore, remainingAfter, cpu, throughput.perInterval(),
        phase.abortReason(), phase.isUnavailable());
  }

  /**
   * Messages the accounts can still send: their packages' remaining quota, or for pay-as-you-go
   * what their wallets still pay for at one message's charge (wallets hold whole yuan, so a charge
   * that divides 1.00 leaves no remainder).
   */
  private static long remaining(Scenario scenario, long chargeCents) {
    if (!scenario.kind().payAsYouGo()) {
      return AccountPreparer.remaining(scenario.accounts());
    }
    if (chargeCents <= 0 || 100 % chargeCents != 0) {
      throw new IllegalStateException("a pay-as-you-go message costs " + chargeCents + " cents, which does not divide 1.00");
    }
    long cents = AccountPreparer.availableCents(scenario.accounts());
    if (cents % chargeCents != 0) {
      throw new IllegalStateException("wallets hold " + cents + " cents, not a whole number of messages at " + chargeCents);
    }
    return cents / chargeCents;
  }
}
