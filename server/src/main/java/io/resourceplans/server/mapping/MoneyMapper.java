package io.resourceplans.server.mapping;

import com.google.type.Money;
import io.resourceplans.domain.error.DomainException;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * google.type.Money ↔ domain Money, exactly: {@code units + nanos / 10^9}. The range rule of every
 * amount a request names is {@link #problem}: the edge checks it on every Money of every request
 * (see FieldTypeRules), and {@link #toDomain} again, so a mismatch is refused, never rounded or
 * stored out of range.
 */
public final class MoneyMapper {
  private static final BigDecimal NANOS = BigDecimal.valueOf(1_000_000_000L);
  private static final long MAX_UNITS = io.resourceplans.domain.money.Money.MAX_REQUEST_AMOUNT.longValueExact();

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

  /**
   * What is wrong with an amount's number, if anything: units and nanos of one sign, nanos within
   * ±999,999,999, and at most {@link io.resourceplans.domain.money.Money#MAX_REQUEST_AMOUNT} in
   * magnitude. The currency code is checked where it is compared with the settlement currency.
   */
  public static Optional<String> problem(long units, int nanos) {
    boolean signsAgree = (units >= 0 && nanos >= 0) || (units <= 0 && nanos <= 0);
    if (!signsAgree || nanos > 999_999_999 || nanos < -999_999_999) {
      return Optional.of("is not a valid amount: units and nanos of one sign, nanos within ±999999999");
    }
    boolean inRange = Math.abs(units) < MAX_UNITS || (Math.abs(units) == MAX_UNITS && nanos == 0);
    if (units == Long.MIN_VALUE || !inRange) {
      return Optional.of("must be at most " + MAX_UNITS + " in magnitude");
    }
    return Optional.empty();
  }

  /** @param field the request field, for the violation if the amount is malformed */
  public static io.resourceplans.domain.money.Money toDomain(Money m, String field) {
    Optional<String> problem = problem(m.getUnits(), m.getNanos());
    if (problem.isPresent()) {
      throw DomainException.invalid(field, problem.get());
    }
    if (!m.getCurrencyCode().matches("[A-Z]{3}")) {
      throw DomainException.invalid(field, "is not a valid amount: the currency must be an ISO 4217 code");
    }
    BigDecimal amount = BigDecimal.valueOf(m.getUnits()).add(BigDecimal.valueOf(m.getNanos(), 9));
    return new io.resourceplans.domain.money.Money(amount, m.getCurrencyCode());
  }
}
