package io.resourceplans.domain.hold;

import io.resourceplans.domain.money.Money;

/**
 * The units of a hold its packages did not cover, held pay-as-you-go: their money left the wallet
 * at reservation ({@code amount}, from gift, cash and credit as split); captures charge them
 * cumulatively, so together they charge exactly {@code charge(captured)}; what was not charged goes
 * back when the hold ends ({@code releasedAmount}).
 */
public record PayAsYouGoPart(
    long quantity, long captured, long released, Money unitPrice, Money amount, Money fromGift, Money fromCash,
    Money fromCredit, Money releasedAmount) {

  public PayAsYouGoPart {
    if (quantity <= 0 || captured < 0 || released < 0 || captured + released > quantity) {
      throw new IllegalArgumentException("pay-as-you-go part: " + captured + " + " + released + " of " + quantity);
    }
    if (fromGift.plus(fromCash).plus(fromCredit).compareTo(amount) != 0) {
      throw new IllegalArgumentException("pay-as-you-go part: " + amount + " not split as paid");
    }
  }

  public long held() {
    return quantity - captured - released;
  }

  /** What the captures so far have charged: the captured units at the unit price, rounded once. */
  public Money charged() {
    return Money.charge(captured, unitPrice);
  }

  /** What capturing {@code units} more charges: so that all captures together charge {@link #charged}. */
  public Money chargeOf(long units) {
    return Money.charge(captured + units, unitPrice).minus(charged());
  }

  PayAsYouGoPart capture(long units) {
    return new PayAsYouGoPart(quantity, captured + units, released, unitPrice, amount, fromGift, fromCash, fromCredit,
        releasedAmount);
  }

  /** Everything still held released; the money not charged is given back. */
  PayAsYouGoPart releaseRest() {
    return new PayAsYouGoPart(quantity, captured, released + held(), unitPrice, amount, fromGift, fromCash, fromCredit,
        amount.minus(charged()));
  }
}
