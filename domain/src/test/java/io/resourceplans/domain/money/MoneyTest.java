package io.resourceplans.domain.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MoneyTest {
  /** The rounding rule: quantity × unit price, rounded once to cents, ties away from zero. */
  @ParameterizedTest(name = "{0} × {1} = {2}")
  @CsvSource({
    "1000, 0.044, 44.00",
    "100, 0.044, 4.40",
    "1, 0.044, 0.04",
    "1, 0.045, 0.05",
    "1, 0.0449999, 0.04",
    "3, 0.005, 0.02",
    "1, 0.005, 0.01",
    "1, 0.004999999, 0.00",
    "7, 0.0011, 0.01",
    "1000000, 0.038, 38000.00",
    "2, 215.00, 430.00",
    "100000, 0.000000001, 0.00",
    "5000000, 0.000000001, 0.01",
  })
  void chargeRoundsOnceHalfUp(long quantity, String unitPrice, String expected) {
    assertEquals(Money.of(expected, "CNY"), Money.charge(quantity, Money.of(unitPrice, "CNY")));
  }

  @Test
  void equalAmountsAreEqualWhateverTheirScale() {
    assertEquals(Money.of("44", "CNY"), Money.of("44.000", "CNY"));
    assertEquals("44.00", Money.of("44.0000", "CNY").amount().toPlainString());
    assertEquals("0.044", Money.of("0.0440", "CNY").amount().toPlainString());
  }

  @Test
  void wholeCents() {
    assertTrue(Money.of("4.40", "CNY").isWholeCents());
    assertFalse(Money.of("4.405", "CNY").isWholeCents());
  }

  @Test
  void currenciesDoNotMix() {
    assertThrows(IllegalArgumentException.class, () -> Money.of("1", "CNY").plus(Money.of("1", "USD")));
    assertThrows(IllegalArgumentException.class, () -> Money.of("1", "cny"));
    assertThrows(IllegalArgumentException.class, () -> Money.of("0.0000000001", "CNY"));
  }
}
