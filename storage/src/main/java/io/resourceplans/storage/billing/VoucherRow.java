package io.resourceplans.storage.billing;

import io.resourceplans.domain.billing.Voucher;
import io.resourceplans.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code vouchers}. */
public record VoucherRow(
    String accountId,
    String voucherId,
    BigDecimal amount,
    String currency,
    String productId,
    BigDecimal minimumOrderAmount,
    Instant issueTime,
    Instant expireTime,
    String usedOrderId,
    Instant useTime) {

  static VoucherRow of(Voucher v) {
    return new VoucherRow(
        v.accountId(), v.voucherId(), v.amount().amount(), v.amount().currency(), v.productId(),
        v.minimumOrderAmount().amount(), v.issueTime(), v.expireTime(), v.usedOrderId(), v.useTime());
  }

  Voucher toDomain() {
    return new Voucher(
        accountId, voucherId, new Money(amount, currency), productId, new Money(minimumOrderAmount, currency),
        issueTime, expireTime, usedOrderId, useTime);
  }
}
