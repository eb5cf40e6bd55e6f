package io.resourceplans.domain.region;

import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.tx.Tx;

/** Region look-ups shared by every rule that names a region. */
public final class Regions {
  private Regions() {}

  public static Region require(Tx tx, String regionId) {
    return tx.regions()
        .find(regionId)
        .orElseThrow(() -> DomainException.notFound(ErrorCode.REGION_NOT_FOUND, "region", regionId));
  }
}
