package io.resourceplans.domain.account;

import io.resourceplans.domain.auth.Permission;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Sub-users; every method is scoped by the owning account. */
public interface SubUserRepository {
  void insert(SubUser subUser);

  Optional<SubUser> find(String accountId, String subUserId);

  /** Oldest first. */
  Page<SubUser> list(String accountId, PageRequest page);

  /** Replaces the permission set; returns false if no such sub-user in the account. */
  boolean updatePermissions(String accountId, String subUserId, Set<Permission> permissions);

  /** Replaces the contacts ('' = none); returns false if no such sub-user in the account. */
  boolean updateContacts(String accountId, String subUserId, String contactEmail, String contactPhone);

  /** The account's sub-users with an email address or a phone number, oldest first. */
  List<SubUser> withContacts(String accountId);
}
