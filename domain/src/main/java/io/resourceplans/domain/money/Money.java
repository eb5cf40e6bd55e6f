package io.resourceplans.domain.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An exact amount of one currency. Never floating point. Amounts are kept in a canonical scale (at
 * least 2 decimals, no trailing zeros beyond that) so equal amounts are equal records.
 *
 * <p>The rounding rule, written once: a charged amount (quantity × unit price) is rounded to cents
 * with HALF_UP (ties away from zero), once per order line or usage record; see {@link #charge}.
 */
public record Money(BigDecimal amount, String currency) implements Comparable<Money> {
  /** Unit prices may carry up to nine decimals (google.type.Money nanos). */
  public static final int MAX_SCALE = 9;

  /**
   * The largest amount, in magnitude, that a request may name: a price, a top-up, a credit line, a
   * voucher's face value or minimum. Checked on every amount before the service runs.
   */
  public static final BigDecimal MAX_REQUEST_AMOUNT = new BigDecimal("1000000000");

  /**
   * The largest balance, or order amount, the service keeps. The columns hold up to 10^18, so
   * amounts within this stay exact through every sum and charge made of them.
   */
  public static final BigDecimal MAX_STORED_AMOUNT = new BigDecimal("1000000000000000");

  /** An ISO 4217 code; compiled once (money is built on every usage record). */
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    if (!CURRENCY.matcher(currency).matches()) {
      throw new IllegalArgumentException("currency must be an ISO 4217 code: " + currency);
    }
    amount = canonical(amount);
    if (amount.scale() > MAX_SCALE) {
      throw new IllegalArgumentException("more than " + MAX_SCALE + " decimals: " + amount);
    }
  }

  public static Money of(String amount, String currency) {
    return new Money(new BigDecimal(amount), currency);
  }

  public static Money zero(String currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  /**
   * The amount charged for {@code quantity} units at {@code unitPrice}: the exact product rounded to
   * cents, HALF_UP. The only place where money is rounded.
   */
  public static Money charge(long quantity, Money unitPrice) {
    BigDecimal exact = unitPrice.amount.multiply(BigDecimal.valueOf(quantity));
    return new Money(exact.setScale(2, RoundingMode.HALF_UP), unitPrice.currency);
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.subtract(other.amount), currency);
  }

  public Money negate() {
    return new Money(amount.negate(), currency);
  }

  public Money min(Money other) {
    return compareTo(other) <= 0 ? this : other;
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  public boolean isNegative() {
    return amount.signum() < 0;
  }

  public boolean isPositive() {
    return amount.signum() > 0;
  }

  /** True when the amount is beyond {@link #MAX_STORED_AMOUNT}, in either direction. */
  public boolean isAboveStoredLimit() {
    return amount.abs().compareTo(MAX_STORED_AMOUNT) > 0;
  }

  /** True when the amount has no fraction of a cent (wallet amounts must be whole cents). */
  public boolean isWholeCents() {
    return amount.scale() <= 2;
  }

  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return amount.compareTo(other.amount);
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
    }
  }

  private static BigDecimal canonical(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 2 ? stripped.setScale(2) : stripped;
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency;
  }
}
