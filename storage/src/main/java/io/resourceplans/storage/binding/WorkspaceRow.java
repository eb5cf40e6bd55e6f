package io.resourceplans.storage.binding;

import io.resourceplans.domain.binding.Workspace;
import io.resourceplans.domain.binding.WorkspaceLanguage;
import java.time.Instant;

/** A row of {@code workspaces}. */
public record WorkspaceRow(
    String workspaceId,
    String billingAccountId,
    String name,
    String language,
    String siteId,
    String ownerVendorUserId,
    String instanceId,
    Instant createTime,
    Instant bindTime) {

  static WorkspaceRow of(Workspace w) {
    return new WorkspaceRow(
        w.workspaceId(), w.billingAccountId(), w.name(), w.language().name(), w.siteId(), w.ownerVendorUserId(),
        w.instanceId(), w.createTime(), w.bindTime());
  }

  Workspace toDomain() {
    return new Workspace(
        workspaceId, billingAccountId, name, WorkspaceLanguage.valueOf(language), siteId, ownerVendorUserId,
        instanceId, createTime, bindTime);
  }
}
