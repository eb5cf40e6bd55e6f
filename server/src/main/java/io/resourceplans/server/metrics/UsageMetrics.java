package io.resourceplans.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.quota.PackageDeduction;
import io.resourceplans.domain.quota.UsageObserver;
import io.resourceplans.domain.quota.UsageRecord;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * RecordUsage outcomes (covered, pay-as-you-go, refused by reason, replayed), the messages taken
 * from packages and charged pay-as-you-go by product and purpose, and the sizes of the covered-usage
 * batches (storage's BatchingCoveredUsageRecorder). The product label is capped at
 * {@link Metrics#MAX_PRODUCTS} values (products are catalog data).
 */
@Singleton
public final class UsageMetrics implements UsageObserver {
  static final String PREFIX = "rp.usage.";
  static final String OUTCOMES = "rp.usage.outcomes";
  static final String DEDUCTED = "rp.usage.messages.deducted";
  static final String PAY_AS_YOU_GO = "rp.usage.messages.pay.as.you.go";
  static final String BATCH_SIZE = "rp.usage.batch.size";

  private final MeterRegistry registry;
  private final Counter covered;
  private final Counter payAsYouGo;
  private final Counter replayed;
  private final ConcurrentMap<ErrorCode, Counter> refused = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Counter[]> deducted = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Counter[]> payAsYouGoMessages = new ConcurrentHashMap<>();
  private final DistributionSummary batchSizes;

  @Inject
  public UsageMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.covered = outcome("covered", "");
    this.payAsYouGo = outcome("pay_as_you_go", "");
    this.replayed = outcome("replayed", "");
    this.batchSizes =
        DistributionSummary.builder(BATCH_SIZE)
            .description("RecordUsage requests sent to the database together on the covered path, per batch")
            .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64)
            .register(registry);
  }

  private Counter outcome(String outcome, String reason) {
    return Counter.builder(OUTCOMES)
        .description("RecordUsage calls by outcome: covered (by packages), pay_as_you_go (partly or wholly), refused (by reason), replayed (a retried request_id)")
        .tags("outcome", outcome, "reason", reason)
        .register(registry);
  }

  @Override
  public void recorded(UsageRecord record) {
    (record.payAsYouGoQuantity() > 0 ? payAsYouGo : covered).increment();
    for (PackageDeduction d : record.deductions()) {
      messages(deducted, DEDUCTED, record.productId(), d.purpose()).increment(d.quantity());
    }
    if (record.payAsYouGoQuantity() > 0) {
      messages(payAsYouGoMessages, PAY_AS_YOU_GO, record.productId(), record.purpose())
          .increment(record.payAsYouGoQuantity());
    }
  }

  @Override
  public void replayed(UsageRecord first) {
    replayed.increment();
  }

  @Override
  public void refused(ErrorCode reason) {
    refused.computeIfAbsent(reason, r -> outcome("refused", r.reason())).increment();
  }

  /** Tells the batch summary one covered-usage batch's size. */
  public void batch(int size) {
    batchSizes.record(size);
  }

  /** The counter of a product and purpose, made on first use (the request path: no key is built). */
  private Counter messages(ConcurrentMap<String, Counter[]> byProduct, String name, String productId, Purpose purpose) {
    Counter[] counters = byProduct.computeIfAbsent(productId, p -> new Counter[Purpose.values().length]);
    Counter counter = counters[purpose.ordinal()];
    if (counter == null) {
      // Registering twice returns the same counter: a race here only costs a lookup.
      counter =
          Counter.builder(name)
              .description(name.equals(DEDUCTED)
                  ? "Messages taken from packages, by product and the purpose of the package drawn from"
                  : "Messages charged pay-as-you-go, by product and purpose")
              .tags("product", productId, "purpose", purpose.name())
              .register(registry);
      counters[purpose.ordinal()] = counter;
    }
    return counter;
  }
}
