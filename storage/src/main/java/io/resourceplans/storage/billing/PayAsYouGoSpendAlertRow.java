package io.resourceplans.storage.billing;

import io.resourceplans.domain.billing.PayAsYouGoSpendAlert;
import io.resourceplans.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/** A row of {@code payg_spend_alerts}. */
public record PayAsYouGoSpendAlertRow(
    String accountId, BigDecimal threshold, String currency, LocalDate month, BigDecimal monthSpend,
    Instant countedUntil, Instant triggerTime) {

  PayAsYouGoSpendAlert toDomain() {
    return new PayAsYouGoSpendAlert(accountId, new Money(threshold, currency), YearMonth.from(month),
        new Money(monthSpend, currency), countedUntil, triggerTime != null, triggerTime);
  }
}
