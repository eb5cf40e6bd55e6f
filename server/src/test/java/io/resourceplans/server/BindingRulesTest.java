package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertInvalid;
import static io.resourceplans.server.testing.Errors.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import io.resourceplans.api.v1.BindBillingAccountRequest;
import io.resourceplans.api.v1.BindWorkspaceRequest;
import io.resourceplans.api.v1.BindingServiceGrpc;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.GetBillingAccountRequest;
import io.resourceplans.api.v1.ListSitesRequest;
import io.resourceplans.api.v1.ListWorkspacesRequest;
import io.resourceplans.api.v1.RegisterResponse;
import io.resourceplans.api.v1.UpdateWorkspaceRequest;
import io.resourceplans.api.v1.VerificationCodePurpose;
import io.resourceplans.server.testing.Marketplace;
import io.resourceplans.server.testing.TestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("citus")
class BindingRulesTest {
  @RegisterExtension static final Marketplace market = Marketplace.forClass();
  private static final TestServer server = market.server();


  private static RegisterResponse registered(String[] f, String username) {
    String email = username + "@rules.example";
    market.sendCode(f[0], f[1], VerificationCodePurpose.VERIFICATION_CODE_PURPOSE_REGISTER, email);
    return server.binding()
        .register(market.registerRequest(f[0], f[1], username, email, market.mail.latestCode(email)).build());
  }

  private static UpdateWorkspaceRequest.Builder update(String[] f, String workspaceId) {
    return UpdateWorkspaceRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setCloudAccountId(f[0])
        .setInstanceId(f[1])
        .setWorkspaceId(workspaceId);
  }

  @Test
  void aWorkspacesSiteNeverChangesButItsNameMay() {
    String[] f = market.flow("Site Keeper");
    String ws = registered(f, "sitekeeper").getWorkspace().getWorkspaceId();
    assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "WORKSPACE_SITE_IMMUTABLE",
        () -> server.binding().updateWorkspace(update(f, ws).setSiteId("cn-hangzhou").build()));
    var renamed = server.binding().updateWorkspace(update(f, ws).setName("renamed").setSiteId("ap-singapore").build());
    assertEquals("renamed", renamed.getWorkspace().getName());
    assertEquals("ap-singapore", renamed.getWorkspace().getSiteId());
    // Not even SQL can move it.
    assertEquals(
        "ap-singapore",
        server.jdbi().withHandle(h -> {
          try {
            h.execute("update workspaces set site_id = 'cn-hangzhou' where workspace_id = ?", ws);
          } catch (RuntimeException refused) {
            // the trigger refuses
          }
          return h.createQuery("select site_id from workspaces where workspace_id = :w").bind("w", ws).mapTo(String.class).one();
        }));
  }

  @Test
  void aBillingAccountLinksToOneCloudAccountOnly() {
    String[] first = market.flow("First Cloud");
    registered(first, "onlyone");
    String[] second = market.flow("Second Cloud");
    market.sendCodeToBillingAccount(second[0], second[1], "onlyone");
    String code = market.mail.latestCode("onlyone@rules.example");
    assertRefused(
        Status.Code.ALREADY_EXISTS,
        "BILLING_ACCOUNT_ALREADY_BOUND",
        () -> server.binding().bindBillingAccount(
            BindBillingAccountRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setCloudAccountId(second[0])
                .setInstanceId(second[1])
                .setBillingUsername("onlyone")
                .setVerificationCode(code)
                .build()));
    // And a linked cloud account cannot register a second billing-center account.
    String email = "again@rules.example";
    market.sendCode(first[0], first[1], VerificationCodePurpose.VERIFICATION_CODE_PURPOSE_REGISTER, email);
    assertRefused(
        Status.Code.ALREADY_EXISTS,
        "CLOUD_ACCOUNT_ALREADY_BOUND",
        () -> server.binding().register(
            market.registerRequest(first[0], first[1], "again", email, market.mail.latestCode(email)).build()));
  }

  @Test
  void oneCloudAccountsFlowCannotSeeOrBindAnothersWorkspacesOrBillingAccount() {
    String[] a = market.flow("Tenant A");
    RegisterResponse aReg = registered(a, "tenanta");
    String[] b = market.flow("Tenant B");
    registered(b, "tenantb");
    // Another cloud account's instance is not proof for this one.
    assertRefused(
        Status.Code.NOT_FOUND,
        "MARKETPLACE_INSTANCE_NOT_FOUND",
        () -> server.binding().listWorkspaces(
            ListWorkspacesRequest.newBuilder().setCloudAccountId(a[0]).setInstanceId(b[1]).build()));
    assertRefused(
        Status.Code.NOT_FOUND,
        "MARKETPLACE_INSTANCE_NOT_FOUND",
        () -> server.binding().getBillingAccount(
            GetBillingAccountRequest.newBuilder().setCloudAccountId(a[0]).setInstanceId(b[1]).build()));
    // B's flow cannot bind or change A's workspace.
    String aWorkspace = aReg.getWorkspace().getWorkspaceId();
    assertRefused(
        Status.Code.NOT_FOUND,
        "WORKSPACE_NOT_FOUND",
        () -> server.binding().bindWorkspace(
            BindWorkspaceRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setCloudAccountId(b[0])
                .setInstanceId(b[1])
                .setWorkspaceId(aWorkspace)
                .build()));
    assertRefused(
        Status.Code.NOT_FOUND,
        "WORKSPACE_NOT_FOUND",
        () -> server.binding().updateWorkspace(update(b, aWorkspace).setName("stolen").build()));
    var bList = server.binding().listWorkspaces(
        ListWorkspacesRequest.newBuilder().setCloudAccountId(b[0]).setInstanceId(b[1]).build());
    assertEquals(1, bList.getWorkspacesCount());
    assertEquals("tenantb-main", bList.getWorkspaces(0).getName());
  }

  @Test
  void registrationRules() {
    String[] f = market.flow("Rules Check");
    registered(f, "takenname");
    String[] g = market.flow("Rules Check Two");
    String email = "other@rules.example";
    market.sendCode(g[0], g[1], VerificationCodePurpose.VERIFICATION_CODE_PURPOSE_REGISTER, email);
    String code = market.mail.latestCode(email);
    assertRefused(
        Status.Code.ALREADY_EXISTS,
        "USERNAME_TAKEN",
        () -> server.binding().register(market.registerRequest(g[0], g[1], "TakenName", email, code).build()));
    assertRefused(
        Status.Code.ALREADY_EXISTS,
        "EMAIL_TAKEN",
        () -> server.binding().register(market.registerRequest(g[0], g[1], "freshname", "takenname@rules.example", code).build()));
    // Password rules are field violations.
    var weak = market.registerRequest(g[0], g[1], "freshname", email, code);
    weak.setUser(weak.getUser().toBuilder().setPassword("freshname1x").setPasswordConfirmation("freshname1x"));
    assertInvalid(() -> server.binding().register(weak.build()), "user.password");
    var letters = market.registerRequest(g[0], g[1], "freshname", email, code);
    letters.setUser(letters.getUser().toBuilder().setPassword("onlyletters").setPasswordConfirmation("onlyletters"));
    assertInvalid(() -> server.binding().register(letters.build()), "user.password");
    assertRefused(
        Status.Code.NOT_FOUND,
        "SITE_NOT_FOUND",
        () -> server.binding().register(market.registerRequest(g[0], g[1], "freshname", email, code).setSiteId("mars-1").build()));
    // None of that used the code up.
    server.binding().register(market.registerRequest(g[0], g[1], "freshname", email, code).build());
  }

  @Test
  void onlyTheOperatorCallsBindingService() {
    CreateAccountResponse account = server.newAccount("Not Operator");
    var asAccount =
        BindingServiceGrpc.newBlockingStub(server.channel())
            .withCallCredentials(TestServer.bearer(account.getApiKeySecret()));
    assertRefused(
        Status.Code.PERMISSION_DENIED, "OPERATOR_ONLY", () -> asAccount.listSites(ListSitesRequest.getDefaultInstance()));
    assertEquals(3, server.binding().listSites(ListSitesRequest.getDefaultInstance()).getSitesCount());
  }
}
