package io.resourceplans.bench;

import io.resourceplans.api.v1.CheckQuotaRequest;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One closed-loop caller of CheckQuota (read-only) for the benchmark's usage: every answer must
 * allow the message from the packages, which nothing in this scenario deducts.
 */
final class QuotaCheckCaller extends LoadCaller {
  private static final CheckQuotaRequest CHECK =
      CheckQuotaRequest.newBuilder()
          .setProductId(AccountPreparer.PRODUCT)
          .setPurpose(UsageCaller.USAGE_PURPOSE)
          .setQuantity(1)
          .setRegionId(AccountPreparer.REGION)
          .build();

  QuotaCheckCaller(Scenario scenario, AtomicLong accountCursor, LoadPhase phase, Throughput throughput) {
    super(scenario, accountCursor, phase, throughput);
  }

  @Override
  CompletionStage<?> callOnce() {
    BenchAccount account = nextAccount();
    LoadPhase.State startedIn = phase.state();
    long start = System.nanoTime();
    return account.plan().checkQuotaAsync(CHECK).handle((response, failure) -> {
      if (failure != null) {
        countError(failure, measured(startedIn), 0);
        return null;
      }
      countAnswered(start, startedIn, response.getAllowed() && response.getPackageQuantity() == 1);
      return null;
    });
  }
}
