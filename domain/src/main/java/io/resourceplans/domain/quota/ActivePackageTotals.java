package io.resourceplans.domain.quota;

import javax.inject.Inject;
import javax.inject.Singleton;
import io.resourceplans.domain.activation.PackageAvailability;
import io.resourceplans.domain.tx.Tx;
import java.time.Instant;

/** Answers the activation status's "is there a usable resource plan?" from the packages table. */
@Singleton
public final class ActivePackageTotals implements PackageAvailability {
  @Inject
  public ActivePackageTotals() {}

  @Override
  public ActivePackages active(Tx tx, String accountId, String productId, String regionId, Instant now) {
    long count = 0;
    long remaining = 0;
    for (var total : tx.get(PackageRepository.class).activeTotals(accountId, productId, regionId, now)) {
      count += total.packages();
      remaining += total.remaining();
    }
    return new ActivePackages(count, remaining);
  }
}
