package io.resourceplans.domain.billing;

import io.resourceplans.domain.money.Money;
import java.time.Instant;

/**
 * A single-use voucher. {@code productId} null = any product; {@code usedOrderId} set once it paid
 * an order. It takes min(amount, order total) off an order; the rest of its value is forfeited.
 */
public record Voucher(
    String accountId,
    String voucherId,
    Money amount,
    String productId,
    Money minimumOrderAmount,
    Instant issueTime,
    Instant expireTime,
    String usedOrderId,
    Instant useTime) {

  public VoucherState state(Instant now) {
    if (usedOrderId != null) {
      return VoucherState.USED;
    }
    return now.isBefore(expireTime) ? VoucherState.AVAILABLE : VoucherState.EXPIRED;
  }

  /** Whether the voucher's scope and minimum allow it on an order of this product and total. */
  public boolean appliesTo(String orderProductId, Money orderTotal) {
    return (productId == null || productId.equals(orderProductId))
        && orderTotal.compareTo(minimumOrderAmount) >= 0;
  }
}
