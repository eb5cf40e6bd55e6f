package io.resourceplans.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.resourceplans.domain.binding.BindingService;
import io.resourceplans.domain.binding.CodePurpose;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.server.testing.TestServer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The links from the vendor side to accounts and marketplace instances that Citus cannot keep as
 * foreign keys (a reference table pointing into a distributed one; V18 drops them there):
 * verification_codes.cloud_account_id, billing_accounts.cloud_account_id and
 * workspaces.instance_id. Every binding flow that writes one first finds the cloud account's
 * marketplace instance (in the account's shard), so none is written for an account or instance that
 * does not exist. Called here with identities no signed login ticket would carry; on Citus (the
 * citus profile) nothing else would refuse them.
 */
@Tag("citus")
class AppEnforcedLinksTest {
  @RegisterExtension
  static final TestServer server = TestServer.forClass();

  private static final String NO_INSTANCE = "ins-doesnotexist";

  private static BindingService binding() {
    return server.component().bindingService();
  }

  private static void refusedAsUnknownInstance(Consumer<io.resourceplans.domain.tx.Tx> work) {
    Transactor transactor = server.component().transactor();
    DomainException e = assertThrows(DomainException.class, () -> transactor.inTransaction(tx -> {
      work.accept(tx);
      return null;
    }));
    assertEquals(ErrorCode.MARKETPLACE_INSTANCE_NOT_FOUND, e.code());
  }

  private static long rows(String sql, String value) {
    return server.jdbi().withHandle(h -> h.createQuery(sql).bind("v", value).mapTo(Long.class).one());
  }

  @Test
  void noCodeIsStoredForACloudAccountOrInstanceThatDoesNotExist() {
    String existing = server.newAccount("Linked Nowhere").getAccount().getAccountId();
    for (String account : new String[] {"acc-doesnotexist", existing}) {
      refusedAsUnknownInstance(tx -> binding().sendCode(
          tx, account, NO_INSTANCE, CodePurpose.REGISTER, "nobody@example.com", null));
    }
    assertEquals(0, rows("select count(*) from verification_codes where email = :v", "nobody@example.com"));
  }

  @Test
  void noBillingAccountIsLinkedToACloudAccountOrInstanceThatDoesNotExist() {
    String existing = server.newAccount("Billing Nowhere").getAccount().getAccountId();
    for (String account : new String[] {"acc-doesnotexist", existing}) {
      refusedAsUnknownInstance(tx -> binding().bindBillingAccount(tx, account, NO_INSTANCE, "someone", "123456"));
    }
    assertEquals(0, rows("select count(*) from billing_accounts where cloud_account_id = :v", existing));
    assertEquals(0, rows("select count(*) from billing_accounts where cloud_account_id = :v", "acc-doesnotexist"));
  }

  @Test
  void noWorkspaceIsBoundToAnInstanceThatDoesNotExist() {
    String existing = server.newAccount("Workspace Nowhere").getAccount().getAccountId();
    for (String account : new String[] {"acc-doesnotexist", existing}) {
      refusedAsUnknownInstance(tx -> binding().bindWorkspace(tx, account, NO_INSTANCE, "ws-any"));
    }
    assertEquals(0, rows("select count(*) from workspaces where instance_id = :v", NO_INSTANCE));
  }
}
