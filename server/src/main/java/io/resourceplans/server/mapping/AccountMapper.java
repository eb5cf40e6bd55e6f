package io.resourceplans.server.mapping;

import io.resourceplans.api.v1.Account;
import io.resourceplans.api.v1.ApiKey;
import io.resourceplans.api.v1.IdentityVerificationState;
import io.resourceplans.api.v1.Permission;
import io.resourceplans.api.v1.PrincipalKind;
import io.resourceplans.api.v1.SubUser;
import io.resourceplans.domain.account.IdentityState;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** Domain accounts, sub-users and keys as API messages, and API permissions as domain ones. */
public final class AccountMapper {
  private AccountMapper() {}

  public static Account toProto(io.resourceplans.domain.account.Account a) {
    return Account.newBuilder()
        .setAccountId(a.accountId())
        .setDisplayName(a.displayName())
        .setContactEmail(a.contactEmail())
        .setContactPhone(a.contactPhone())
        .setDefaultRegionId(a.defaultRegionId())
        .setIdentityVerificationState(toProto(a.identityState()))
        .setCreateTime(Timestamps.of(a.createTime()))
        .setTestClockId(a.testClockId() == null ? "" : a.testClockId())
        .build();
  }

  public static SubUser toProto(io.resourceplans.domain.account.SubUser s) {
    return SubUser.newBuilder()
        .setSubUserId(s.subUserId())
        .setDisplayName(s.displayName())
        .addAllPermissions(
            s.permissions().stream().sorted().map(AccountMapper::toProto).toList())
        .setCreateTime(Timestamps.of(s.createTime()))
        .setContactEmail(s.contactEmail())
        .setContactPhone(s.contactPhone())
        .build();
  }

  public static ApiKey toProto(io.resourceplans.domain.account.ApiKey k) {
    ApiKey.Builder b =
        ApiKey.newBuilder()
            .setApiKeyId(k.apiKeyId())
            .setPrincipalKind(k.subUserId() == null ? PrincipalKind.PRINCIPAL_KIND_ACCOUNT : PrincipalKind.PRINCIPAL_KIND_SUB_USER)
            .setDisplayName(k.displayName())
            .setSecretPrefix(k.secretPrefix())
            .setCreateTime(Timestamps.of(k.createTime()));
    if (k.subUserId() != null) {
      b.setSubUserId(k.subUserId());
    }
    if (k.revokeTime() != null) {
      b.setRevokeTime(Timestamps.of(k.revokeTime()));
    }
    return b.build();
  }

  public static IdentityVerificationState toProto(IdentityState state) {
    return switch (state) {
      case UNVERIFIED -> IdentityVerificationState.IDENTITY_VERIFICATION_STATE_UNVERIFIED;
      case PENDING -> IdentityVerificationState.IDENTITY_VERIFICATION_STATE_PENDING;
      case VERIFIED -> IdentityVerificationState.IDENTITY_VERIFICATION_STATE_VERIFIED;
      case REJECTED -> IdentityVerificationState.IDENTITY_VERIFICATION_STATE_REJECTED;
    };
  }

  public static Permission toProto(io.resourceplans.domain.auth.Permission p) {
    return switch (p) {
      case PRODUCT_ACCESS -> Permission.PERMISSION_PRODUCT_ACCESS;
      case ORDER_ACCESS -> Permission.PERMISSION_ORDER_ACCESS;
    };
  }

  /** Protovalidate has already refused UNSPECIFIED and unknown values. */
  public static Set<io.resourceplans.domain.auth.Permission> toDomain(Collection<Permission> permissions) {
    Set<io.resourceplans.domain.auth.Permission> out = EnumSet.noneOf(io.resourceplans.domain.auth.Permission.class);
    for (Permission p : permissions) {
      out.add(
          switch (p) {
            case PERMISSION_PRODUCT_ACCESS -> io.resourceplans.domain.auth.Permission.PRODUCT_ACCESS;
            case PERMISSION_ORDER_ACCESS -> io.resourceplans.domain.auth.Permission.ORDER_ACCESS;
            case PERMISSION_UNSPECIFIED, UNRECOGNIZED ->
                throw io.resourceplans.domain.error.DomainException.invalid("permissions", "unknown permission");
          });
    }
    return out;
  }
}
