package io.resourceplans.domain.auth;

import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The authenticated caller of one request. Account and sub-user principals always carry their
 * account ID; every account-owned read and write is scoped by it.
 */
public record Principal(
    PrincipalKind kind,
    String accountId,
    String subUserId,
    Set<Permission> permissions,
    String apiKeyId) {

  private static final String OPERATOR_SCOPE = "operator";

  public Principal {
    Objects.requireNonNull(kind, "kind");
    permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
    if (kind != PrincipalKind.OPERATOR) {
      Objects.requireNonNull(accountId, "accountId");
    }
  }

  public static Principal operator() {
    return new Principal(PrincipalKind.OPERATOR, null, null, Set.of(), null);
  }

  public static Principal mainAccount(String accountId, String apiKeyId) {
    return new Principal(
        PrincipalKind.ACCOUNT, accountId, null, EnumSet.allOf(Permission.class), apiKeyId);
  }

  public static Principal subUser(
      String accountId, String subUserId, Set<Permission> permissions, String apiKeyId) {
    return new Principal(PrincipalKind.SUB_USER, accountId, subUserId, permissions, apiKeyId);
  }

  public boolean isOperator() {
    return kind == PrincipalKind.OPERATOR;
  }

  /** Operator-only RPCs (catalog, wallet top-up, vouchers, identity review, accounts). */
  public void requireOperator() {
    if (!isOperator()) {
      throw new DomainException(ErrorCode.OPERATOR_ONLY, "this operation needs the operator key");
    }
  }

  /** The caller's account; refuses the operator, which owns no account. */
  public String requireAccount() {
    if (isOperator()) {
      throw new DomainException(
          ErrorCode.ACCOUNT_ONLY,
          "this operation acts on the caller's own account and needs an account API key");
    }
    return accountId;
  }

  /** Account administration (sub-users, API keys) is for the main account's keys only. */
  public String requireMainAccount() {
    String account = requireAccount();
    if (kind != PrincipalKind.ACCOUNT) {
      throw new DomainException(
          ErrorCode.MAIN_ACCOUNT_ONLY, "this operation needs a main-account API key");
    }
    return account;
  }

  /** Refuses a sub-user that lacks any of the permissions, naming the first one missing. */
  public String requirePermissions(Permission... needed) {
    String account = requireAccount();
    for (Permission permission : needed) {
      if (!permissions.contains(permission)) {
        throw new DomainException(
            ErrorCode.PERMISSION_MISSING,
            "sub-user " + subUserId + " lacks permission " + permission,
            Map.of("permission", "PERMISSION_" + permission.name()));
      }
    }
    return account;
  }

  /** Request IDs are unique per account (or among operator calls). */
  public String idempotencyScope() {
    return isOperator() ? OPERATOR_SCOPE : accountId;
  }
}
