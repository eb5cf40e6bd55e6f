package io.resourceplans.domain.region;

/** A region and whether buying or activating there needs a verified identity. */
public record Region(String regionId, String displayName, boolean requiresIdentityVerification) {
  /** Singapore: where the console starts when an account names no region. */
  public static final String DEFAULT_REGION_ID = "ap-southeast-1";
}
