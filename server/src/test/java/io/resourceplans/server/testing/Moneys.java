package io.resourceplans.server.testing;

import com.google.type.Money;
import java.math.BigDecimal;

/** Readable google.type.Money in tests. */
public final class Moneys {
  private Moneys() {}

  public static Money cny(String amount) {
    return of(amount, "CNY");
  }

  public static Money of(String amount, String currency) {
    BigDecimal a = new BigDecimal(amount);
    BigDecimal units = new BigDecimal(a.toBigInteger());
    return Money.newBuilder()
        .setCurrencyCode(currency)
        .setUnits(units.longValueExact())
        .setNanos(a.subtract(units).movePointRight(9).intValueExact())
        .build();
  }

  public static BigDecimal amount(Money m) {
    return BigDecimal.valueOf(m.getUnits()).add(BigDecimal.valueOf(m.getNanos(), 9)).stripTrailingZeros();
  }

  /** "44.00"-style string of a Money, for assertions. */
  public static String plain(Money m) {
    return amount(m).setScale(Math.max(2, amount(m).scale())).toPlainString();
  }
}
