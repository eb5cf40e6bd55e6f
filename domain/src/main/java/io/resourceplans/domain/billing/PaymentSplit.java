package io.resourceplans.domain.billing;

import io.resourceplans.domain.money.Money;
import java.util.List;

/** How a wallet paid an amount: from gift, cash and credit, in that order. */
public record PaymentSplit(Money gift, Money cash, Money credit, List<LedgerEntry> entries) {
  public PaymentSplit {
    entries = List.copyOf(entries);
  }

  public Money total() {
    return gift.plus(cash).plus(credit);
  }
}
