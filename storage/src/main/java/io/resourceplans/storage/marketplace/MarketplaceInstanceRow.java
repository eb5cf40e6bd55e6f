package io.resourceplans.storage.marketplace;

import io.resourceplans.domain.marketplace.MarketplaceInstance;
import java.time.Instant;

/** A row of {@code marketplace_instances}, with the bound workspace (from {@code workspaces}). */
public record MarketplaceInstanceRow(
    String accountId,
    String instanceId,
    String productId,
    String displayName,
    String acceptedAgreementVersion,
    String activateRequestId,
    Instant createTime,
    String workspaceId,
    Instant bindTime) {

  static MarketplaceInstanceRow of(MarketplaceInstance i) {
    return new MarketplaceInstanceRow(
        i.accountId(), i.instanceId(), i.productId(), i.displayName(), i.acceptedAgreementVersion(),
        i.activateRequestId(), i.createTime(), i.workspaceId(), i.bindTime());
  }

  MarketplaceInstance toDomain() {
    return new MarketplaceInstance(
        accountId, instanceId, productId, displayName, acceptedAgreementVersion, activateRequestId, createTime,
        workspaceId, bindTime);
  }
}
