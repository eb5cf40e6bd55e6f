package io.resourceplans.domain.region;

/**
 * A region and what needs a verified identity there. {@code defaultRequiresIdentityVerification}:
 * choosing it as the account's default region (the Chinese mainland regions).
 */
public record Region(String regionId, String displayName, boolean defaultRequiresIdentityVerification) {
  /** Singapore: where the console starts when an account names no region. */
  public static final String DEFAULT_REGION_ID = "ap-southeast-1";

  /**
   * Buying resource plans and activating pay-as-you-go need a verified identity in every region
   * (seed 001: "完成实名认证后才能购买"); the one place that says so, read by the rule and by what
   * ListRegions and GetActivationStatus answer.
   */
  public boolean purchaseRequiresIdentityVerification() {
    return true;
  }
}
