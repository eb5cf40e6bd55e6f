package io.resourceplans.storage.account;

import io.resourceplans.domain.account.SubUser;
import io.resourceplans.domain.account.SubUserRepository;
import io.resourceplans.domain.auth.Permission;
import io.resourceplans.domain.common.Cursor;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import java.util.Optional;
import java.util.Set;

/** {@link SubUserRepository} over {@link SubUserDao}. */
public final class JdbiSubUserRepository implements SubUserRepository {
  private final SubUserDao dao;

  public JdbiSubUserRepository(SubUserDao dao) {
    this.dao = dao;
  }

  @Override
  public void insert(SubUser subUser) {
    dao.insert(SubUserRow.of(subUser));
  }

  @Override
  public Optional<SubUser> find(String accountId, String subUserId) {
    return dao.find(accountId, subUserId).map(SubUserRow::toDomain);
  }

  @Override
  public Page<SubUser> list(String accountId, PageRequest page) {
    Cursor after = page.after().orElse(null);
    var rows =
        dao.list(
            accountId,
            after == null ? null : after.createTime(),
            after == null ? null : after.id(),
            page.size() + 1);
    return Page.fromOverfetch(
        rows.stream().map(SubUserRow::toDomain).toList(),
        page,
        s -> new Cursor(s.createTime(), s.subUserId()));
  }

  @Override
  public boolean updatePermissions(String accountId, String subUserId, Set<Permission> permissions) {
    return dao.updatePermissions(accountId, subUserId, SubUserRow.names(permissions)) == 1;
  }

  @Override
  public boolean updateContacts(String accountId, String subUserId, String contactEmail, String contactPhone) {
    return dao.updateContacts(accountId, subUserId, contactEmail, contactPhone) == 1;
  }

  @Override
  public java.util.List<SubUser> withContacts(String accountId) {
    return dao.withContacts(accountId).stream().map(SubUserRow::toDomain).toList();
  }
}
