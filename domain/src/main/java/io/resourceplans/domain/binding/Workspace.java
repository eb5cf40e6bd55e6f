package io.resourceplans.domain.binding;

import java.time.Instant;

/**
 * A workspace of a billing-center account. The site never changes. {@code instanceId} and {@code
 * bindTime} are null until a marketplace instance is bound.
 */
public record Workspace(
    String workspaceId,
    String billingAccountId,
    String name,
    WorkspaceLanguage language,
    String siteId,
    String ownerVendorUserId,
    String instanceId,
    Instant createTime,
    Instant bindTime) {

  public boolean bound() {
    return instanceId != null;
  }
}
