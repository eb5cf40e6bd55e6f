package io.resourceplans.domain.account;

import io.resourceplans.domain.auth.Permission;
import java.time.Instant;
import java.util.Set;

/**
 * A user under an account (like a RAM user), acting with the permissions it holds. Its contacts
 * ('' = none) receive copies of the account's email and SMS notifications that its permissions
 * cover (see {@link #receives}).
 */
public record SubUser(
    String accountId,
    String subUserId,
    String displayName,
    Set<Permission> permissions,
    Instant createTime,
    String contactEmail,
    String contactPhone) {
  public SubUser {
    permissions = Set.copyOf(permissions);
  }

  /** Whether a notification needing {@code permission} concerns this sub-user. */
  public boolean receives(Permission permission) {
    return permission != null && permissions.contains(permission);
  }
}
