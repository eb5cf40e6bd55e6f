package io.resourceplans.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.resourceplans.domain.hold.Hold;
import io.resourceplans.domain.hold.HoldObserver;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Quota holds: how many were reserved, captured, released and expired, and the units each moved,
 * by product (capped at {@link Metrics#MAX_PRODUCTS} values, as the usage metrics). A capture's
 * units are usage that RecordUsage's counters (rp_usage_*) do not count.
 */
@Singleton
public final class HoldMetrics implements HoldObserver {
  static final String PREFIX = "rp.hold";
  static final String HOLDS = "rp.holds";
  static final String MESSAGES = "rp.hold.messages";

  private final MeterRegistry registry;
  private final Counter reserved;
  private final Counter captured;
  private final Counter released;
  private final Counter expired;

  @Inject
  public HoldMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.reserved = holds("reserved");
    this.captured = holds("captured");
    this.released = holds("released");
    this.expired = holds("expired");
  }

  private Counter holds(String event) {
    return Counter.builder(HOLDS)
        .description("Quota hold changes: reserved (a hold made), captured (a capture), released (by its owner), expired (by the expiry pass)")
        .tag("event", event)
        .register(registry);
  }

  private void messages(String event, String productId, long units) {
    if (units > 0) {
      Counter.builder(MESSAGES)
          .description("Units quota holds moved: reserved (held), captured (became usage), released and expired (given back)")
          .tags("event", event, "product", productId)
          .register(registry)
          .increment(units);
    }
  }

  @Override
  public void reserved(Hold hold) {
    reserved.increment();
    messages("reserved", hold.productId(), hold.quantity());
  }

  @Override
  public void captured(Hold hold, long quantity) {
    captured.increment();
    messages("captured", hold.productId(), quantity);
  }

  @Override
  public void released(Hold hold) {
    released.increment();
    messages("released", hold.productId(), hold.released());
  }

  @Override
  public void expired(Hold hold) {
    expired.increment();
    messages("expired", hold.productId(), hold.released());
  }
}
