package io.resourceplans.bench;

import io.grpc.Status;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.RecordUsageResponse;
import io.resourceplans.client.ResourcePlansException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One closed-loop caller: sends RecordUsage, waits for the answer, sends the next. A share of the
 * calls (the scenario's retry percentage) resends one of its own earlier acknowledged requests
 * unchanged, which must return the first answer and deduct nothing.
 */
final class UsageCaller implements Runnable {
  static final Purpose USAGE_PURPOSE = Purpose.PURPOSE_VERIFICATION_NOTIFICATION;
  private static final int HISTORY = 1024;
  /** Refusals that guarantee nothing was deducted; any other error leaves it open. */
  private static final Set<Status.Code> CLEAN_REFUSALS =
      EnumSet.of(
          Status.Code.INVALID_ARGUMENT,
          Status.Code.NOT_FOUND,
          Status.Code.RESOURCE_EXHAUSTED,
          Status.Code.FAILED_PRECONDITION,
          Status.Code.PERMISSION_DENIED,
          Status.Code.UNAUTHENTICATED,
          Status.Code.UNIMPLEMENTED);

  /**
   * An acknowledged request kept for resending: its sequence number (the request is rebuilt from it,
   * identical) and the first answer's bytes. Kept this small because the history lives for seconds in
   * the JVM that also runs the server: whole request and response messages (about 14 MB for 16
   * callers) were copied by every young GC and made its pauses several times longer.
   */
  private record Sent(BenchAccount account, long sequence, byte[] response) {}

  private final String idPrefix;
  private final List<BenchAccount> accounts;
  private final AtomicLong accountCursor;
  private final int retryPercent;
  private final LoadPhase phase;
  private final Throughput throughput;
  private final SplittableRandom random;
  private final Sent[] history = new Sent[HISTORY];
  private final CallerStats stats = new CallerStats();
  private int historySize;
  private int historyNext;
  private long sequence;

  UsageCaller(
      String idPrefix, Scenario scenario, AtomicLong accountCursor, LoadPhase phase, Throughput throughput, long seed) {
    this.idPrefix = idPrefix;
    this.accounts = scenario.accounts();
    this.retryPercent = scenario.retryPercent();
    this.accountCursor = accountCursor;
    this.phase = phase;
    this.throughput = throughput;
    this.random = new SplittableRandom(seed);
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

  private void callOnce() {
    Sent previous = historySize > 0 && random.nextInt(100) < retryPercent ? history[random.nextInt(historySize)] : null;
    BenchAccount account;
    long requestSequence;
    if (previous != null) {
      account = previous.account();
      requestSequence = previous.sequence();
    } else {
      account = accounts.get((int) Math.floorMod(accountCursor.getAndIncrement(), (long) accounts.size()));
      requestSequence = sequence++;
    }
    RecordUsageRequest request = request(requestSequence);

    LoadPhase.State startedIn = phase.state();
    long start = System.nanoTime();
    RecordUsageResponse response;
    try {
      response = account.plan().recordUsage(request);
    } catch (ResourcePlansException e) {
      boolean measured = startedIn == LoadPhase.State.MEASURE && phase.state() == LoadPhase.State.MEASURE;
      countError(e, measured);
      return;
    }
    long elapsed = System.nanoTime() - start;
    throughput.succeeded();
    boolean measured = startedIn == LoadPhase.State.MEASURE && phase.state() == LoadPhase.State.MEASURE;

    if (previous != null) {
      if (!Arrays.equals(response.toByteArray(), previous.response())) {
        stats.retryMismatches++;
      }
    } else {
      stats.acknowledgedFresh++;
      if (retryPercent > 0) {
        remember(new Sent(account, requestSequence, response.toByteArray()));
      }
    }
    if (measured) {
      stats.recordLatency(elapsed);
      if (previous != null) {
        stats.measuredRetried++;
      } else {
        stats.measuredFresh++;
      }
    } else {
      stats.unmeasured++;
    }
  }

  /** The request with this sequence number; the same number always gives the same request. */
  private RecordUsageRequest request(long sequence) {
    return RecordUsageRequest.newBuilder()
        .setRequestId(idPrefix + "-" + sequence)
        .setProductId(AccountPreparer.PRODUCT)
        .setPurpose(USAGE_PURPOSE)
        .setQuantity(1)
        .setRegionId(AccountPreparer.REGION)
        .build();
  }

  private void remember(Sent sent) {
    history[historyNext] = sent;
    historyNext = (historyNext + 1) % HISTORY;
    historySize = Math.min(historySize + 1, HISTORY);
  }

  private void countError(ResourcePlansException e, boolean measured) {
    Status.Code code = e.code();
    String key = e.reasonName().isEmpty() ? code.name() : code + " " + e.reasonName();
    (measured ? stats.measuredErrors : stats.otherErrors).merge(key, 1L, Long::sum);
    if (!CLEAN_REFUSALS.contains(code)) {
      stats.ambiguous++;
    }
    if (code == Status.Code.UNIMPLEMENTED) {
      phase.abort("RecordUsage answers UNIMPLEMENTED on this server build");
    }
  }
}
