package io.resourceplans.storage.account;

import io.resourceplans.domain.account.SubUser;
import io.resourceplans.domain.auth.Permission;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.stream.Collectors;

/** A row of {@code sub_users}; permissions are stored as their enum names. */
public record SubUserRow(
    String accountId,
    String subUserId,
    String displayName,
    String[] permissions,
    Instant createTime,
    String contactEmail,
    String contactPhone) {

  static SubUserRow of(SubUser s) {
    return new SubUserRow(
        s.accountId(), s.subUserId(), s.displayName(), names(s.permissions()), s.createTime(), s.contactEmail(),
        s.contactPhone());
  }

  static String[] names(java.util.Set<Permission> permissions) {
    return permissions.stream().map(Enum::name).sorted().toArray(String[]::new);
  }

  SubUser toDomain() {
    var perms =
        Arrays.stream(permissions)
            .map(Permission::valueOf)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Permission.class)));
    return new SubUser(accountId, subUserId, displayName, perms, createTime, contactEmail, contactPhone);
  }
}
