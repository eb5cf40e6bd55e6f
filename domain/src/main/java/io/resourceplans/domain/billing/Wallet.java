package io.resourceplans.domain.billing;

import io.resourceplans.domain.money.Money;
import java.time.Instant;

/**
 * An account's money: cash, gift balance and a credit line of which {@code creditUsed} is drawn.
 * Every change is also a ledger entry, so each balance equals the sum of its entries.
 */
public record Wallet(
    String accountId, Money cash, Money gift, Money creditLine, Money creditUsed, Instant updateTime) {

  public static Wallet empty(String accountId, String currency, Instant now) {
    Money zero = Money.zero(currency);
    return new Wallet(accountId, zero, zero, zero, zero, now);
  }

  public Money unusedCredit() {
    return creditLine.minus(creditUsed);
  }

  /** What the wallet can pay: gift + cash + unused credit. */
  public Money available() {
    return gift.plus(cash).plus(unusedCredit());
  }

  public String currency() {
    return cash.currency();
  }
}
