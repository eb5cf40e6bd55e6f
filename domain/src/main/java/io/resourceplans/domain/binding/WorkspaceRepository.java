package io.resourceplans.domain.binding;

import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import java.time.Instant;
import java.util.Optional;

/** Workspaces, scoped by billing-center account. */
public interface WorkspaceRepository {
  /** Inserts; false if the billing-center account has a workspace of that name. */
  boolean insert(Workspace workspace);

  Optional<Workspace> find(String billingAccountId, String workspaceId);

  /** Reads the workspace of the billing-center account and locks its row. */
  Optional<Workspace> findForUpdate(String billingAccountId, String workspaceId);

  /** The workspace the instance opens (bound or chosen last); empty while none is bound. */
  Optional<Workspace> findOpenedByInstance(String accountId, String instanceId);

  /**
   * The workspaces a vendor user reaches: those of the billing-center account given (may be null)
   * and those the user owns, oldest first, at most {@code limit}.
   */
  java.util.List<Workspace> listReachable(String vendorUserId, String billingAccountId, int limit);

  /** Whether the vendor user owns a workspace of the billing-center account. */
  boolean ownsAny(String vendorUserId, String billingAccountId);

  /** Whether the vendor user reaches the workspace (see {@link #listReachable}). */
  Optional<Workspace> findReachable(String vendorUserId, String billingAccountId, String workspaceId);

  boolean nameExists(String billingAccountId, String name, String exceptWorkspaceId);

  void bind(String workspaceId, String instanceId, Instant bindTime);

  /** Name and language only: the site is never updated. */
  void update(String workspaceId, String name, WorkspaceLanguage language);

  /** Oldest first: create time, then workspace ID. */
  Page<Workspace> list(String billingAccountId, PageRequest page);
}
