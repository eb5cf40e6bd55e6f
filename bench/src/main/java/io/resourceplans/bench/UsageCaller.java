package io.resourceplans.bench;

import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.RecordUsageResponse;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One closed-loop caller: sends RecordUsage and, when it is answered, the next. A share of the
 * calls (the scenario's retry percentage) resends one of its own earlier acknowledged requests
 * unchanged, which must return the first answer and deduct nothing.
 */
final class UsageCaller extends LoadCaller {
  static final Purpose USAGE_PURPOSE = Purpose.PURPOSE_VERIFICATION_NOTIFICATION;
  private static final int HISTORY = 1024;

  /**
   * An acknowledged request kept for resending: its sequence number (the request is rebuilt from it,
   * identical) and the first answer's bytes. Kept this small because the history lives for seconds in
   * the JVM that also runs the server: whole request and response messages (about 14 MB for 16
   * callers) were copied by every young GC and made its pauses several times longer.
   */
  private record Sent(BenchAccount account, long sequence, byte[] response) {}

  private final String idPrefix;
  private final int retryPercent;
  private final SplittableRandom random;
  private final Sent[] history = new Sent[HISTORY];
  private int historySize;
  private int historyNext;
  private long sequence;

  UsageCaller(
      String idPrefix, Scenario scenario, AtomicLong accountCursor, LoadPhase phase, Throughput throughput, long seed) {
    super(scenario, accountCursor, phase, throughput);
    this.idPrefix = idPrefix;
    this.retryPercent = scenario.retryPercent();
    this.random = new SplittableRandom(seed);
  }

  @Override
  CompletionStage<?> callOnce() {
    Sent previous = historySize > 0 && random.nextInt(100) < retryPercent ? history[random.nextInt(historySize)] : null;
    BenchAccount account;
    long requestSequence;
    if (previous != null) {
      account = previous.account();
      requestSequence = previous.sequence();
    } else {
      account = nextAccount();
      requestSequence = sequence++;
    }
    RecordUsageRequest request = request(requestSequence);

    LoadPhase.State startedIn = phase.state();
    long start = System.nanoTime();
    return account.plan().recordUsageAsync(request).handle((response, failure) -> {
      if (failure != null) {
        countError(failure, measured(startedIn), 1);
      } else {
        answered(response, System.nanoTime() - start, startedIn, previous, account, requestSequence);
      }
      return null;
    });
  }

  private void answered(
      RecordUsageResponse response, long elapsed, LoadPhase.State startedIn, Sent previous, BenchAccount account,
      long requestSequence) {
    throughput.succeeded();
    boolean measured = measured(startedIn);

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
      stats.measuredRecords++;
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
    return usage(idPrefix + "-" + sequence);
  }

  /** The benchmark's usage: one {@link AccountPreparer#PRODUCT} message of {@link #USAGE_PURPOSE} in {@link AccountPreparer#REGION}. */
  static RecordUsageRequest usage(String requestId) {
    return RecordUsageRequest.newBuilder()
        .setRequestId(requestId)
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
}
