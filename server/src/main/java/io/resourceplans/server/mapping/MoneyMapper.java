package io.resourceplans.server.mapping;

import com.google.type.Money;
import io.resourceplans.domain.error.DomainException;
import java.math.BigDecimal;

/**
 * google.type.Money ↔ domain Money, exactly: {@code units + nanos / 10^9}. Protovalidate has
 * checked signs and ranges of request amounts; a mismatch here is still refused, never rounded.
 */
public final class MoneyMapper {
  private static final BigDecimal NANOS = BigDecimal.valueOf(1_000_000_000L);

  private MoneyMapper() {}

  public static Money toProto(io.resourceplans.domain.money.Money m) {
    BigDecimal amount = m.amount();
    BigDecimal units = new BigDecimal(amount.toBigInteger());
    BigDecimal nanos = amount.subtract(units).multiply(NANOS);
    return Money.newBuilder()
        .setCurrencyCode(m.currency())
        .setUnits(units.longValueExact())
        .setNanos(nanos.intValueExact())
        .build();
  }

  /** @param field the request field, for the violation if the amount is malformed */
  public static io.resourceplans.domain.money.Money toDomain(Money m, String field) {
    boolean signsAgree =
        (m.getUnits() >= 0 && m.getNanos() >= 0) || (m.getUnits() <= 0 && m.getNanos() <= 0);
    if (!signsAgree || Math.abs(m.getNanos()) > 999_999_999 || !m.getCurrencyCode().matches("[A-Z]{3}")) {
      throw DomainException.invalid(field, "is not a valid amount (units and nanos of one sign, ISO 4217 currency)");
    }
    BigDecimal amount = BigDecimal.valueOf(m.getUnits()).add(BigDecimal.valueOf(m.getNanos(), 9));
    return new io.resourceplans.domain.money.Money(amount, m.getCurrencyCode());
  }
}
