package io.resourceplans.domain.billing;

import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.catalog.VolumeTier;
import io.resourceplans.domain.money.Money;
import java.time.Instant;

/**
 * An order with its one purchase line. {@code storedState} is PENDING_PAYMENT, PAID or CANCELLED;
 * {@link #state} derives EXPIRED from the clock. {@code payment} is null until paid; {@code
 * totalAmount} is the list amount less the voucher discount. {@code unitPrice}, {@code appliedTier}
 * and {@code listAmount} are fixed when the order is created; {@code purposePriceApplied} says
 * whether they came from the spec's own price for {@code purpose} (else the spec-level price).
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
    Payment payment,
    boolean purposePriceApplied) {

  public OrderState state(Instant now) {
    if (storedState == OrderState.PENDING_PAYMENT && !now.isBefore(expireTime)) {
      return OrderState.EXPIRED;
    }
    return storedState;
  }
}
