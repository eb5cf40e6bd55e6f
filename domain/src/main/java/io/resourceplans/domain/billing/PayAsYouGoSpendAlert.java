package io.resourceplans.domain.billing;

import io.resourceplans.domain.money.Money;
import java.time.Instant;
import java.time.YearMonth;

/**
 * An account's pay-as-you-go spend alert: {@code monthSpend} is what it spent pay-as-you-go in
 * {@code month} (UTC) counted from the ledger up to {@code countedUntil}; TRIGGERED once that
 * reached {@code threshold} (the event was written), until the next month re-arms it.
 */
public record PayAsYouGoSpendAlert(
    String accountId,
    Money threshold,
    YearMonth month,
    Money monthSpend,
    Instant countedUntil,
    boolean triggered,
    Instant triggerTime) {

  public PayAsYouGoSpendAlert {
    if (triggered != (triggerTime != null)) {
      throw new IllegalArgumentException("spend alert of " + accountId + ": triggered " + triggered + " at " + triggerTime);
    }
  }
}
