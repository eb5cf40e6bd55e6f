package io.resourceplans.domain.identity;

import io.resourceplans.domain.account.Account;
import io.resourceplans.domain.account.IdentityState;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.region.Region;
import java.util.Map;

/** Who may buy, activate, or work in a region, by identity verification state. */
public final class IdentityRules {
  private IdentityRules() {}

  /** Buying and activating need a verified identity, in every region. */
  public static void requireVerified(Account account, String action) {
    if (account.identityState() != IdentityState.VERIFIED) {
      throw new DomainException(
          ErrorCode.IDENTITY_NOT_VERIFIED,
          "complete identity verification before you " + action,
          Map.of("identity_verification_state", account.identityState().name()));
    }
  }

  /** Some regions (the Chinese mainland) can only be used by verified accounts. */
  public static void requireAllowedIn(Account account, Region region) {
    if (region.requiresIdentityVerification() && account.identityState() != IdentityState.VERIFIED) {
      throw new DomainException(
          ErrorCode.IDENTITY_NOT_VERIFIED,
          "region " + region.regionId() + " requires identity verification",
          Map.of("region_id", region.regionId(), "identity_verification_state", account.identityState().name()));
    }
  }
}
