package io.resourceplans.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** What one caller saw; owned by its thread until the scenario ends, then merged. */
final class CallerStats {
  /** Latencies above a minute are clamped: no call may take that long with the client's deadline. */
  static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);

  final Histogram latency = new Histogram(HIGHEST_NANOS, 3);
  /** Successful calls with a new request ID, in the measured period. */
  long measuredFresh;
  /** Successful resends of an earlier request ID, in the measured period. */
  long measuredRetried;
  /** Successful calls during warm-up (and those straddling a phase boundary). */
  long unmeasured;
  /** Every acknowledged new request ID, whatever the phase: what the packages must have lost. */
  long acknowledgedFresh;
  /** Errors after which the deduction may or may not have happened (deadline, connection loss). */
  long ambiguous;
  /** Resends whose answer differed from the first answer. */
  long retryMismatches;
  /**
   * Records in the successful calls of the measured period: one per call, except the batch, whose
   * calls carry many and count those recorded (new or replayed).
   */
  long measuredRecords;
  /** Batch records answered as recorded by an earlier request (replayed): none are expected. */
  long replayedRecords;
  /** Answers that do not say what the scenario expects (a quota check that refuses, a batch answer short of records). */
  long unexpectedAnswers;
  final Map<String, Long> measuredErrors = new TreeMap<>();
  final Map<String, Long> otherErrors = new TreeMap<>();

  void recordLatency(long nanos) {
    latency.recordValue(Math.min(Math.max(nanos, 0), HIGHEST_NANOS));
  }

  void merge(CallerStats other) {
    latency.add(other.latency);
    measuredFresh += other.measuredFresh;
    measuredRetried += other.measuredRetried;
    unmeasured += other.unmeasured;
    acknowledgedFresh += other.acknowledgedFresh;
    ambiguous += other.ambiguous;
    retryMismatches += other.retryMismatches;
    measuredRecords += other.measuredRecords;
    replayedRecords += other.replayedRecords;
    unexpectedAnswers += other.unexpectedAnswers;
    other.measuredErrors.forEach((k, v) -> measuredErrors.merge(k, v, Long::sum));
    other.otherErrors.forEach((k, v) -> otherErrors.merge(k, v, Long::sum));
  }
}
