package io.resourceplans.domain.money;

import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import java.util.Map;

/** The one currency the service settles in (a server setting, CNY by default). */
public record SettlementCurrency(String code) {
  public static final String DEFAULT = "CNY";

  public SettlementCurrency {
    if (!code.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("not an ISO 4217 code: " + code);
    }
  }

  /** Refuses an amount in any other currency (FAILED_PRECONDITION, CURRENCY_MISMATCH). */
  public Money require(Money money, String field) {
    if (!money.currency().equals(code)) {
      throw new DomainException(
          ErrorCode.CURRENCY_MISMATCH,
          field + " is in " + money.currency() + " but this service settles in " + code,
          Map.of("field", field, "currency", code));
    }
    return money;
  }

  public Money zero() {
    return Money.zero(code);
  }
}
