package io.resourceplans.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.resourceplans.domain.auth.Permission;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrincipalTest {
  @Test
  void subUserMissingAPermissionIsRefusedNamingIt() {
    Principal p = Principal.subUser("acc-1", "usr-1", Set.of(Permission.PRODUCT_ACCESS), "key-1");
    DomainException e =
        assertThrows(
            DomainException.class,
            () -> p.requirePermissions(Permission.PRODUCT_ACCESS, Permission.ORDER_ACCESS));
    assertEquals(ErrorCode.PERMISSION_MISSING, e.code());
    assertEquals("PERMISSION_ORDER_ACCESS", e.metadata().get("permission"));
  }

  @Test
  void mainAccountHoldsEveryPermission() {
    Principal p = Principal.mainAccount("acc-1", "key-1");
    assertEquals("acc-1", p.requirePermissions(Permission.values()));
  }

  @Test
  void operatorOwnsNoAccount() {
    DomainException e = assertThrows(DomainException.class, () -> Principal.operator().requireAccount());
    assertEquals(ErrorCode.ACCOUNT_ONLY, e.code());
    assertEquals("operator", Principal.operator().idempotencyScope());
  }
}
