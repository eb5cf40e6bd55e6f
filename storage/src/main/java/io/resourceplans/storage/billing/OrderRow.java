package io.resourceplans.storage.billing;

import io.resourceplans.domain.billing.Order;
import io.resourceplans.domain.billing.OrderState;
import io.resourceplans.domain.billing.Payment;
import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.catalog.VolumeTier;
import io.resourceplans.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code orders}: the order, its one line and, once paid, its payment. */
public record OrderRow(
    String accountId,
    String orderId,
    String state,
    String regionId,
    String productId,
    String planSpecId,
    String resource,
    String configuration,
    long quantity,
    String purpose,
    long issuedQuantity,
    int validityMonths,
    String currency,
    BigDecimal unitPrice,
    Long tierMinQuantity,
    Long tierMaxQuantity,
    BigDecimal listAmount,
    BigDecimal voucherDiscount,
    BigDecimal totalAmount,
    String acceptedTermsVersion,
    Instant termsAcceptTime,
    String createdBy,
    Instant createTime,
    Instant expireTime,
    Instant cancelTime,
    Instant payTime,
    String voucherId,
    BigDecimal paidGift,
    BigDecimal paidCash,
    BigDecimal paidCredit,
    boolean purposePriceApplied) {

  static OrderRow of(Order o) {
    VolumeTier tier = o.appliedTier();
    Payment p = o.payment();
    return new OrderRow(
        o.accountId(), o.orderId(), o.storedState().name(), o.regionId(), o.productId(), o.planSpecId(),
        o.resource(), o.configuration(), o.quantity(), o.purpose().name(), o.issuedQuantity(),
        o.validityMonths(), o.listAmount().currency(), o.unitPrice().amount(),
        tier == null ? null : tier.minQuantity(), tier == null ? null : tier.maxQuantity(),
        o.listAmount().amount(), o.voucherDiscount().amount(), o.totalAmount().amount(),
        o.acceptedTermsVersion(), o.termsAcceptTime(), o.createdBy(), o.createTime(), o.expireTime(),
        o.cancelTime(), p == null ? null : p.payTime(), p == null ? null : p.voucherId(),
        p == null ? null : p.gift().amount(), p == null ? null : p.cash().amount(),
        p == null ? null : p.credit().amount(), o.purposePriceApplied());
  }

  Order toDomain() {
    Money unit = new Money(unitPrice, currency);
    VolumeTier tier = tierMinQuantity == null ? null : new VolumeTier(tierMinQuantity, tierMaxQuantity, unit);
    Payment payment =
        payTime == null
            ? null
            : new Payment(voucherId, money(voucherDiscount), money(paidGift), money(paidCash), money(paidCredit), payTime);
    return new Order(
        accountId, orderId, OrderState.valueOf(state), regionId, productId, planSpecId, resource, configuration,
        quantity, Purpose.valueOf(purpose), issuedQuantity, validityMonths, unit, tier, money(listAmount),
        money(voucherDiscount), money(totalAmount), acceptedTermsVersion, termsAcceptTime, createdBy, createTime,
        expireTime, cancelTime, payment, purposePriceApplied);
  }

  private Money money(BigDecimal amount) {
    return new Money(amount, currency);
  }
}
