package io.resourceplans.domain.region;

import io.resourceplans.domain.account.Account;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.tx.Tx;

/** Region look-ups shared by every rule that names a region. */
public final class Regions {
  private Regions() {}

  /** The named region, or the account's default region when none is named (null or empty). */
  public static Region requireOrDefault(Tx tx, String regionId, Account account) {
    return require(tx, regionId == null || regionId.isEmpty() ? account.defaultRegionId() : regionId);
  }

  public static Region require(Tx tx, String regionId) {
    return tx.get(RegionRepository.class)
        .find(regionId)
        .orElseThrow(() -> notFound(regionId));
  }

  /** The refusal of an unknown region, as {@link #require} gives it. */
  public static DomainException notFound(String regionId) {
    return DomainException.notFound(ErrorCode.REGION_NOT_FOUND, "region", regionId);
  }
}
