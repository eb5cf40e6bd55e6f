package io.resourceplans.storage.billing;

import io.resourceplans.domain.billing.Wallet;
import io.resourceplans.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code wallets}. */
public record WalletRow(
    String accountId,
    String currency,
    BigDecimal cashBalance,
    BigDecimal giftBalance,
    BigDecimal creditLine,
    BigDecimal creditUsed,
    Instant updateTime) {

  Wallet toDomain() {
    return new Wallet(
        accountId,
        new Money(cashBalance, currency),
        new Money(giftBalance, currency),
        new Money(creditLine, currency),
        new Money(creditUsed, currency),
        updateTime);
  }
}
