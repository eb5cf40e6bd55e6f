package io.resourceplans.bench;

import io.grpc.Status;
import io.resourceplans.client.ResourcePlansException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One closed-loop caller of a scenario: sends a call, waits for the answer, sends the next, until
 * the scenario is done. Owns its statistics until the scenario ends.
 */
abstract class LoadCaller implements Runnable {
  /** Refusals that guarantee nothing was deducted; any other error leaves it open. */
  static final Set<Status.Code> CLEAN_REFUSALS =
      EnumSet.of(
          Status.Code.INVALID_ARGUMENT,
          Status.Code.NOT_FOUND,
          Status.Code.RESOURCE_EXHAUSTED,
          Status.Code.FAILED_PRECONDITION,
          Status.Code.PERMISSION_DENIED,
          Status.Code.UNAUTHENTICATED,
          Status.Code.UNIMPLEMENTED);

  final LoadPhase phase;
  final Throughput throughput;
  final CallerStats stats = new CallerStats();
  private final List<BenchAccount> accounts;
  private final AtomicLong accountCursor;
  private final String rpc;

  LoadCaller(Scenario scenario, AtomicLong accountCursor, LoadPhase phase, Throughput throughput) {
    this.accounts = scenario.accounts();
    this.accountCursor = accountCursor;
    this.phase = phase;
    this.throughput = throughput;
    this.rpc = scenario.kind().rpc();
  }

  CallerStats stats() {
    return stats;
  }

  @Override
  public void run() {
    while (phase.state() != LoadPhase.State.DONE) {
      callOnce();
    }
  }

  abstract void callOnce();

  /** The next account, round-robin over the scenario's accounts through the counter all callers share. */
  BenchAccount nextAccount() {
    return accounts.get((int) Math.floorMod(accountCursor.getAndIncrement(), (long) accounts.size()));
  }

  /** Whether a call that started in {@code startedIn} and has just ended lies wholly in the measured period. */
  boolean measured(LoadPhase.State startedIn) {
    return startedIn == LoadPhase.State.MEASURE && phase.state() == LoadPhase.State.MEASURE;
  }

  /**
   * Counts a failed call, which carried {@code records} records: all of them may have been recorded
   * unless the error is a clean refusal. UNIMPLEMENTED ends the scenario: this server build does
   * not have the RPC, and every further call would fail the same way.
   */
  void countError(ResourcePlansException e, boolean measured, int records) {
    Status.Code code = e.code();
    String key = e.reasonName().isEmpty() ? code.name() : code + " " + e.reasonName();
    (measured ? stats.measuredErrors : stats.otherErrors).merge(key, 1L, Long::sum);
    if (!CLEAN_REFUSALS.contains(code)) {
      stats.ambiguous += records;
    }
    if (code == Status.Code.UNIMPLEMENTED) {
      phase.unavailable(rpc + " answers UNIMPLEMENTED: not available on this server build");
    }
  }
}
