package io.resourceplans.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.resourceplans.domain.billing.Order;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Orders paid and the amounts paid for them (the order's total: list amount less the voucher
 * discount), by currency, in major units (e.g. yuan, not fen) as a floating-point sum: good for
 * rates and dashboards, not for accounting (the ledger is exact). Counted once an order's payment
 * has committed, never for a retried PayOrder answered from its first answer.
 */
@Singleton
public final class OrderMetrics {
  static final String PREFIX = "rp.orders.paid";
  static final String PAID = "rp.orders.paid";
  static final String AMOUNT = "rp.orders.paid.amount";

  private final MeterRegistry registry;

  @Inject
  public OrderMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void paid(Order order) {
    String currency = order.totalAmount().currency();
    Counter.builder(PAID)
        .description("Orders paid, by currency")
        .tag("currency", currency)
        .register(registry)
        .increment();
    Counter.builder(AMOUNT)
        .description("Amount paid for orders (total less voucher discount), in major units of the currency")
        .tag("currency", currency)
        .register(registry)
        .increment(order.totalAmount().amount().doubleValue());
  }
}
