package io.resourceplans.storage.hold;

import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.hold.Hold;
import io.resourceplans.domain.hold.HoldAllocation;
import io.resourceplans.domain.hold.HoldStatus;
import io.resourceplans.domain.hold.PayAsYouGoPart;
import io.resourceplans.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A row of {@code holds} (its quantities are its allocations' sums, checked by the table). */
record HoldRow(
    String accountId,
    String holdId,
    String requestId,
    String productId,
    String purpose,
    String regionId,
    String tag,
    String status,
    Instant createTime,
    Instant expireTime,
    Instant finishTime,
    long paygQuantity,
    long paygCaptured,
    long paygReleased,
    String currency,
    BigDecimal paygUnitPrice,
    BigDecimal paygAmount,
    BigDecimal paygFromGift,
    BigDecimal paygFromCash,
    BigDecimal paygFromCredit,
    BigDecimal paygReleasedAmount) {

  Hold toDomain(List<HoldAllocation> allocations) {
    return new Hold(accountId, holdId, requestId, productId, Purpose.valueOf(purpose), regionId, tag,
        HoldStatus.valueOf(status), createTime, expireTime, finishTime, allocations, payAsYouGo());
  }

  private PayAsYouGoPart payAsYouGo() {
    if (paygQuantity == 0) {
      return null;
    }
    String c = currency;
    return new PayAsYouGoPart(paygQuantity, paygCaptured, paygReleased, new Money(paygUnitPrice, c),
        new Money(paygAmount, c), new Money(paygFromGift, c), new Money(paygFromCash, c),
        new Money(paygFromCredit, c), new Money(paygReleasedAmount, c));
  }
}
