package io.resourceplans.bench;

import io.resourceplans.api.v1.CaptureUsageRequest;
import io.resourceplans.api.v1.HoldStatus;
import io.resourceplans.api.v1.ReserveUsageRequest;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One closed-loop caller of the two-phase usage (docs/holds.md): ReserveUsage of one message, then
 * CaptureUsage of it, each with its own new request ID; one operation is the pair, timed together.
 * The packages lose one message per acknowledged pair, as for RecordUsage.
 */
final class HoldCaller extends LoadCaller {
  private final String idPrefix;
  private long sequence;

  HoldCaller(String idPrefix, Scenario scenario, AtomicLong accountCursor, LoadPhase phase, Throughput throughput) {
    super(scenario, accountCursor, phase, throughput);
    this.idPrefix = idPrefix;
  }

  @Override
  CompletionStage<?> callOnce() {
    BenchAccount account = nextAccount();
    long n = sequence++;
    LoadPhase.State startedIn = phase.state();
    long start = System.nanoTime();
    return account.plan().reserveUsageAsync(ReserveUsageRequest.newBuilder()
            .setRequestId(idPrefix + "-r" + n)
            .setProductId(AccountPreparer.PRODUCT)
            .setPurpose(UsageCaller.USAGE_PURPOSE)
            .setQuantity(1)
            .setRegionId(AccountPreparer.REGION)
            .setTtlSeconds(600)
            .build())
        .thenCompose(held -> account.plan().captureUsageAsync(CaptureUsageRequest.newBuilder()
            .setRequestId(idPrefix + "-c" + n)
            .setHoldId(held.getHold().getHoldId())
            .setQuantity(1)
            .build()))
        .handle((response, failure) -> {
          if (failure != null) {
            countError(failure, measured(startedIn), 1);
            return null;
          }
          stats.acknowledgedFresh++;
          countAnswered(start, startedIn, response.getHold().getStatus() == HoldStatus.HOLD_STATUS_CAPTURED);
          return null;
        });
  }
}
