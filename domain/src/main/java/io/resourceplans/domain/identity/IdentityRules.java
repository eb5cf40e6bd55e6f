package io.resourceplans.domain.identity;

import io.resourceplans.domain.account.Account;
import io.resourceplans.domain.account.IdentityState;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.region.Region;
import java.util.Map;

/**
 * Who may buy, activate, or choose a region, by identity verification state. The region says what
 * needs verification ({@link Region}); these rules apply it, so ListRegions cannot say otherwise.
 */
public final class IdentityRules {
  private IdentityRules() {}

  /** Whether this account must verify its identity before it may buy or activate in the region. */
  public static boolean mustVerifyToBuyIn(Account account, Region region) {
    return region.purchaseRequiresIdentityVerification() && !isVerified(account);
  }

  /** Buying and activating pay-as-you-go: {@code action} names it in the refusal. */
  public static void requireMayBuyIn(Account account, Region region, String action) {
    if (mustVerifyToBuyIn(account, region)) {
      throw notVerified("complete identity verification before you " + action, account, region);
    }
  }

  /** Choosing the region as default region (also where a new, unverified account starts). */
  public static void requireMayChooseAsDefault(Account account, Region region) {
    if (region.defaultRequiresIdentityVerification() && !isVerified(account)) {
      throw notVerified(
          "region " + region.regionId() + " can be the default region only of a verified account", account, region);
    }
  }

  private static boolean isVerified(Account account) {
    return account.identityState() == IdentityState.VERIFIED;
  }

  private static DomainException notVerified(String message, Account account, Region region) {
    return new DomainException(
        ErrorCode.IDENTITY_NOT_VERIFIED,
        message,
        Map.of("region_id", region.regionId(), "identity_verification_state", account.identityState().name()));
  }
}
