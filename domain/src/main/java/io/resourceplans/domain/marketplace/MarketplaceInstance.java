package io.resourceplans.domain.marketplace;

import java.time.Instant;

/**
 * A purchased-service instance of a marketplace (vendor) product, created when the account
 * activates the product. {@code workspaceId} and {@code bindTime} are null until the vendor binds
 * the instance to a workspace (the binding is stored on the workspace).
 */
public record MarketplaceInstance(
    String accountId,
    String instanceId,
    String productId,
    String displayName,
    String acceptedAgreementVersion,
    String activateRequestId,
    Instant createTime,
    String workspaceId,
    Instant bindTime) {

  public boolean bound() {
    return workspaceId != null;
  }
}
