package io.resourceplans.domain.quota;

import io.resourceplans.domain.billing.Wallet;
import io.resourceplans.domain.money.Money;
import java.util.Optional;

/**
 * Everything CheckQuota decides from, read in one statement ({@link QuotaFactsRepository}): the
 * rules stay in {@link UsageService#check}.
 *
 * @param productExists whether the product is in the catalog
 * @param regionExists whether the region exists
 * @param packageQuantity what the usable packages cover of the quantity asked, taken in burn-down
 *     order as RecordUsage would take them (at most the quantity)
 * @param packageRemaining what the usable packages (exact purpose and general) have left in all
 * @param payAsYouGoActive whether pay-as-you-go is active for the product in the region
 * @param payAsYouGoUnitPrice the product's pay-as-you-go unit price for the purpose, if it has one
 * @param wallet the account's wallet, if it has one
 */
public record QuotaFacts(
    boolean productExists,
    boolean regionExists,
    long packageQuantity,
    long packageRemaining,
    boolean payAsYouGoActive,
    Optional<Money> payAsYouGoUnitPrice,
    Optional<Wallet> wallet) {}
