package io.resourceplans.domain.billing;

import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.catalog.VolumeTier;
import io.resourceplans.domain.money.Money;
import java.time.Instant;

/**
 * An order with its one purchase line. {@code storedState} is PENDING_PAYMENT, PAID or CANCELLED;
 * {@link #state} derives EXPIRED from the clock. {@code payment} is null until paid; {@code
 * totalAmount} is the list amount less the voucher discount.
 */
public record Order(
    String accountId,
    String orderId,
    OrderState storedState,
    String regionId,
    String productId,
    String planSpecId,
    String resource,
    String configuration,
    long quantity,
    Purpose purpose,
    long issuedQuantity,
    int validityMonths,
    Money unitPrice,
    VolumeTier appliedTier,
    Money listAmount,
    Money voucherDiscount,
    Money totalAmount,
    String acceptedTermsVersion,
    Instant termsAcceptTime,
    String createdBy,
    Instant createTime,
    Instant expireTime,
    Instant cancelTime,
    Payment payment) {

  public OrderState state(Instant now) {
    if (storedState == OrderState.PENDING_PAYMENT && !now.isBefore(expireTime)) {
      return OrderState.EXPIRED;
    }
    return storedState;
  }
}
