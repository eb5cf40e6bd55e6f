package io.resourceplans.domain.activation;

/** Whether a product is usable in a region now, as the console needs to know. */
public enum ProductUsability {
  /** Pay-as-you-go is active (packages, if any, are used first). */
  PAY_AS_YOU_GO,
  /** No pay-as-you-go, but active packages with quantity left. */
  RESOURCE_PLAN,
  /** Neither: the console prompts to activate pay-as-you-go or to buy a resource plan. */
  ACTIVATE_OR_BUY;

  /** Pay-as-you-go wins: usage is never refused while it is active, whatever the packages hold. */
  public static ProductUsability of(boolean payAsYouGoActive, PackageAvailability.ActivePackages packages) {
    if (payAsYouGoActive) {
      return PAY_AS_YOU_GO;
    }
    if (packages.count() > 0 && packages.remaining() > 0) {
      return RESOURCE_PLAN;
    }
    return ACTIVATE_OR_BUY;
  }
}
