package io.resourceplans.bench;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.resourceplans.client.ResourcePlansException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One closed-loop caller of a scenario: sends a call, and when its answer arrives sends the next,
 * until the scenario is done; one call in flight at a time. Owns its statistics until the scenario
 * ends.
 *
 * <p>Asynchronous, not a thread blocked per call: the next call is sent from the answer's callback
 * (on the client channel's transport thread when the channel runs callbacks directly), so the
 * load generator does not park and wake a thread per call. It shares the machine's CPUs with the
 * server and PostgreSQL, as pgbench's clients do; what it does not spend, they can.
 */
abstract class LoadCaller {
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

  private final CompletableFuture<Void> finished = new CompletableFuture<>();

  /**
   * The benchmark's channel to the server. Answers are handled on the transport's thread
   * (directExecutor): a caller's callback only counts the answer and sends the next call, which
   * never blocks, so handing it to another thread would cost a wake-up per call for nothing.
   * Blocking calls (the preparation) are unaffected: a blocking stub waits on its own thread.
   */
  static ManagedChannel channel(String host, int port) {
    return Grpc.newChannelBuilderForAddress(host, port, InsecureChannelCredentials.create()).directExecutor().build();
  }

  CallerStats stats() {
    return stats;
  }

  /**
   * Starts the loop. The future completes once the scenario is done and this caller's last call
   * has been counted (its statistics are then safe to read), or exceptionally if counting a call
   * failed, which also aborts the scenario.
   */
  CompletableFuture<Void> start() {
    next();
    return finished;
  }

  /**
   * Sends one call. The stage completes once its answer or failure has been counted; it completes
   * exceptionally only for a fault of the benchmark itself, never for an error the server answered.
   */
  abstract CompletionStage<?> callOnce();

  private void next() {
    // A call that is already answered when sent (a failure before it left) goes on in this loop
    // rather than in a nested callback, so such calls do not deepen the stack.
    while (phase.state() != LoadPhase.State.DONE) {
      CompletableFuture<?> call;
      try {
        call = callOnce().toCompletableFuture();
      } catch (RuntimeException e) {
        fail(e);
        return;
      }
      if (!call.isDone() || call.isCompletedExceptionally()) {
        call.whenComplete((ignored, failure) -> {
          if (failure != null) {
            fail(failure);
          } else {
            next();
          }
        });
        return;
      }
    }
    finished.complete(null);
  }

  private void fail(Throwable failure) {
    Throwable cause = unwrap(failure);
    phase.abort("a caller failed: " + cause);
    finished.completeExceptionally(cause);
  }

  /** The failure itself, not the CompletionException a dependent stage wraps it in. */
  static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }

  /** The next account, round-robin over the scenario's accounts through the counter all callers share. */
  BenchAccount nextAccount() {
    return accounts.get((int) Math.floorMod(accountCursor.getAndIncrement(), (long) accounts.size()));
  }

  /** Whether a call that started in {@code startedIn} and has just ended lies wholly in the measured period. */
  boolean measured(LoadPhase.State startedIn) {
    return startedIn == LoadPhase.State.MEASURE && phase.state() == LoadPhase.State.MEASURE;
  }

  /**
   * Counts a call of one operation answered as expected or not (a check, or a usage whose answer
   * needs no further look): its latency if it lay wholly in the measured period.
   */
  void countAnswered(long startNanos, LoadPhase.State startedIn, boolean asExpected) {
    long elapsed = System.nanoTime() - startNanos;
    throughput.succeeded();
    if (!asExpected) {
      stats.unexpectedAnswers++;
    }
    if (measured(startedIn)) {
      stats.recordLatency(elapsed);
      stats.measuredFresh++;
      stats.measuredRecords++;
    } else {
      stats.unmeasured++;
    }
  }

  /**
   * Counts a failed call, which carried {@code records} records: all of them may have been recorded
   * unless the error is a clean refusal. UNIMPLEMENTED ends the scenario: this server build does
   * not have the RPC, and every further call would fail the same way.
   */
  void countError(Throwable failure, boolean measured, int records) {
    Throwable cause = unwrap(failure);
    ResourcePlansException e;
    if (cause instanceof ResourcePlansException answered) {
      e = answered;
    } else if (cause instanceof StatusRuntimeException status) {
      e = ResourcePlansException.from(status, Optional.empty());
    } else {
      // Not an answer from the server: a fault of the benchmark, which fails the caller.
      throw new CompletionException(cause);
    }
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
