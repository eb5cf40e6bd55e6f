package io.resourceplans.bench;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Where a scenario stands, shared by the runner (which moves it) and the callers (which read it
 * before and after every call). A caller can abort the scenario when going on is pointless.
 */
final class LoadPhase {
  enum State {
    WARMUP,
    MEASURE,
    DONE
  }

  private volatile State state = State.WARMUP;
  private volatile String abortReason;
  private volatile boolean unavailable;
  private final CountDownLatch aborted = new CountDownLatch(1);

  State state() {
    return state;
  }

  void measure() {
    if (state == State.WARMUP) {
      state = State.MEASURE;
    }
  }

  void done() {
    state = State.DONE;
  }

  /** Ends the scenario at once; the first reason is kept. */
  synchronized void abort(String reason) {
    if (abortReason == null) {
      abortReason = reason;
      state = State.DONE;
      aborted.countDown();
    }
  }

  /**
   * Ends the scenario at once because the server does not offer its RPC (UNIMPLEMENTED): not a
   * failure of the server under test, a build without that RPC; the other scenarios still run.
   */
  synchronized void unavailable(String reason) {
    if (abortReason == null) {
      unavailable = true;
      abort(reason);
    }
  }

  String abortReason() {
    return abortReason;
  }

  boolean isUnavailable() {
    return unavailable;
  }

  /** Waits for the duration; returns false if the scenario was aborted meanwhile. */
  boolean waitUnlessAborted(Duration duration) throws InterruptedException {
    return !aborted.await(duration.toNanos(), TimeUnit.NANOSECONDS);
  }
}
