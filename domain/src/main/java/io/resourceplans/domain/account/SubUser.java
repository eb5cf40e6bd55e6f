package io.resourceplans.domain.account;

import io.resourceplans.domain.auth.Permission;
import java.time.Instant;
import java.util.Set;

/** A user under an account (like a RAM user), acting with the permissions it holds. */
public record SubUser(
    String accountId,
    String subUserId,
    String displayName,
    Set<Permission> permissions,
    Instant createTime) {
  public SubUser {
    permissions = Set.copyOf(permissions);
  }
}
