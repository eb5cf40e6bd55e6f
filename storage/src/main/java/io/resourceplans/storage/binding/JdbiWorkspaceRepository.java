package io.resourceplans.storage.binding;

import io.resourceplans.domain.binding.Workspace;
import io.resourceplans.domain.binding.WorkspaceLanguage;
import io.resourceplans.domain.binding.WorkspaceRepository;
import io.resourceplans.domain.common.Cursor;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import java.time.Instant;
import java.util.Optional;

/** {@link WorkspaceRepository} over {@link WorkspaceDao}. */
public final class JdbiWorkspaceRepository implements WorkspaceRepository {
  private final WorkspaceDao dao;

  public JdbiWorkspaceRepository(WorkspaceDao dao) {
    this.dao = dao;
  }

  @Override
  public boolean insert(Workspace workspace) {
    return dao.insert(WorkspaceRow.of(workspace)) == 1;
  }

  @Override
  public Optional<Workspace> find(String billingAccountId, String workspaceId) {
    return dao.find(billingAccountId, workspaceId).map(WorkspaceRow::toDomain);
  }

  @Override
  public Optional<Workspace> findForUpdate(String billingAccountId, String workspaceId) {
    return dao.findForUpdate(billingAccountId, workspaceId).map(WorkspaceRow::toDomain);
  }

  @Override
  public Optional<Workspace> findOpenedByInstance(String accountId, String instanceId) {
    return dao.findOpenedByInstance(accountId, instanceId).map(WorkspaceRow::toDomain);
  }

  @Override
  public java.util.List<Workspace> listReachable(String vendorUserId, String billingAccountId, int limit) {
    return dao.listReachable(vendorUserId, billingAccountId, limit).stream().map(WorkspaceRow::toDomain).toList();
  }

  @Override
  public Optional<Workspace> findReachable(String vendorUserId, String billingAccountId, String workspaceId) {
    return dao.findReachable(vendorUserId, billingAccountId, workspaceId).map(WorkspaceRow::toDomain);
  }

  @Override
  public boolean ownsAny(String vendorUserId, String billingAccountId) {
    return dao.ownsAny(vendorUserId, billingAccountId);
  }

  @Override
  public boolean nameExists(String billingAccountId, String name, String exceptWorkspaceId) {
    return dao.nameExists(billingAccountId, name, exceptWorkspaceId);
  }

  @Override
  public void bind(String workspaceId, String instanceId, Instant bindTime) {
    dao.bind(workspaceId, instanceId, bindTime);
  }

  @Override
  public void update(String workspaceId, String name, WorkspaceLanguage language) {
    dao.update(workspaceId, name, language.name());
  }

  @Override
  public Page<Workspace> list(String billingAccountId, PageRequest page) {
    Cursor after = page.after().orElse(null);
    var rows =
        dao.list(
            billingAccountId,
            after == null ? null : after.createTime(),
            after == null ? null : after.id(),
            page.size() + 1);
    return Page.fromOverfetch(
        rows.stream().map(WorkspaceRow::toDomain).toList(), page, w -> new Cursor(w.createTime(), w.workspaceId()));
  }
}
