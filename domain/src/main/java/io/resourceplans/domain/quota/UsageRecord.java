package io.resourceplans.domain.quota;

import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.money.Money;
import java.time.Instant;
import java.util.List;

/**
 * One recorded use: what packages covered ({@code deductions}, summing to {@code packageQuantity})
 * and what pay-as-you-go covered ({@code payAsYouGoQuantity} at {@code payAsYouGoUnitPrice}, charged
 * {@code payAsYouGoCharge}; unit price null when nothing was charged): the record's funding trace.
 * {@code tag} is the request's campaign tag, null when none was given.
 */
public record UsageRecord(
    String accountId,
    String usageId,
    String requestId,
    String productId,
    Purpose purpose,
    String regionId,
    long quantity,
    List<PackageDeduction> deductions,
    long packageQuantity,
    long payAsYouGoQuantity,
    Money payAsYouGoUnitPrice,
    Money payAsYouGoCharge,
    Instant recordTime,
    String tag) {
  public UsageRecord {
    deductions = List.copyOf(deductions);
  }

  /** A record without a campaign tag. */
  public UsageRecord(
      String accountId, String usageId, String requestId, String productId, Purpose purpose, String regionId,
      long quantity, List<PackageDeduction> deductions, long packageQuantity, long payAsYouGoQuantity,
      Money payAsYouGoUnitPrice, Money payAsYouGoCharge, Instant recordTime) {
    this(accountId, usageId, requestId, productId, purpose, regionId, quantity, deductions, packageQuantity,
        payAsYouGoQuantity, payAsYouGoUnitPrice, payAsYouGoCharge, recordTime, null);
  }
}
