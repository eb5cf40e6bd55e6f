package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.grpc.Status;
import io.resourceplans.api.v1.BindBillingAccountRequest;
import io.resourceplans.api.v1.BindWorkspaceRequest;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.CreateBillingAccountRequest;
import io.resourceplans.api.v1.CreateWorkspaceRequest;
import io.resourceplans.api.v1.CreateWorkspaceResponse;
import io.resourceplans.api.v1.ExistingVendorUser;
import io.resourceplans.api.v1.GetMarketplaceInstanceRequest;
import io.resourceplans.api.v1.ListWorkspacesRequest;
import io.resourceplans.api.v1.ListWorkspacesResponse;
import io.resourceplans.api.v1.LogInRequest;
import io.resourceplans.api.v1.MarketplaceBindingState;
import io.resourceplans.api.v1.MarketplaceInstance;
import io.resourceplans.api.v1.NewWorkspace;
import io.resourceplans.api.v1.OpenWorkspaceRequest;
import io.resourceplans.api.v1.RegisterResponse;
import io.resourceplans.api.v1.UpdateWorkspaceRequest;
import io.resourceplans.api.v1.VerificationCodePurpose;
import io.resourceplans.api.v1.Workspace;
import io.resourceplans.api.v1.WorkspaceLanguage;
import io.resourceplans.server.testing.Marketplace;
import io.resourceplans.server.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One billing-center account, many workspaces (seed 002: "一个账户可以关联多个工作空间"): further
 * workspaces are created and bound to the same instance, each with its own fixed site, all listed,
 * and the instance names the one it opens.
 */
class ManyWorkspacesTest {
  @RegisterExtension static final Marketplace market = Marketplace.forClass();
  private static final TestServer server = market.server();


  private static CreateWorkspaceResponse createWorkspace(String[] f, String email, String name, String site) {
    // Past the code's resend cooldown for this email.
    server.clock.advance(Duration.ofSeconds(61));
    market.sendCode(f[0], f[1], VerificationCodePurpose.VERIFICATION_CODE_PURPOSE_CREATE_WORKSPACE, email);
    return server.binding()
        .createWorkspace(
            CreateWorkspaceRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setCloudAccountId(f[0])
                .setInstanceId(f[1])
                .setName(name)
                .setLanguage(WorkspaceLanguage.WORKSPACE_LANGUAGE_CHINESE)
                .setSiteId(site)
                .setExistingUser(
                    ExistingVendorUser.newBuilder().setEmail(email).setVerificationCode(market.mail.latestCode(email)))
                .setAcceptedTermsVersion("2026-01")
                .build());
  }

  private static MarketplaceInstance shown(CreateAccountResponse account, String ins) {
    return server.activation(account.getApiKeySecret())
        .getMarketplaceInstance(GetMarketplaceInstanceRequest.newBuilder().setInstanceId(ins).build())
        .getInstance();
  }

  private static List<Workspace> listAll(String[] f, int pageSize) {
    List<Workspace> all = new ArrayList<>();
    String token = "";
    do {
      ListWorkspacesResponse page =
          server.binding()
              .listWorkspaces(
                  ListWorkspacesRequest.newBuilder()
                      .setCloudAccountId(f[0])
                      .setInstanceId(f[1])
                      .setPageSize(pageSize)
                      .setPageToken(token)
                      .build());
      all.addAll(page.getWorkspacesList());
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    return all;
  }

  private static OpenWorkspaceRequest open(String[] f, String workspaceId) {
    return OpenWorkspaceRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setCloudAccountId(f[0])
        .setInstanceId(f[1])
        .setWorkspaceId(workspaceId)
        .build();
  }

  @Test
  void aSecondAndThirdWorkspaceAreBoundListedAndTheInstanceOpensTheOneChosenLast() {
    CreateAccountResponse account = server.newAccount("Many Workspaces");
    String cloud = account.getAccount().getAccountId();
    String ins = market.activate(account, Marketplace.PRODUCT, TestServer.requestId()).getInstanceId();
    String[] f = {cloud, ins};
    String email = "many@workspaces.example";
    market.sendCode(cloud, ins, VerificationCodePurpose.VERIFICATION_CODE_PURPOSE_REGISTER, email);
    RegisterResponse reg =
        server.binding().register(market.registerRequest(cloud, ins, "manyws", email, market.mail.latestCode(email)).build());
    Workspace first = reg.getWorkspace();
    assertEquals(first.getWorkspaceId(), reg.getInstance().getWorkspaceId());

    CreateWorkspaceResponse second = createWorkspace(f, email, "staging", "cn-hangzhou");
    assertEquals(ins, second.getWorkspace().getInstanceId());
    assertEquals("cn-hangzhou", second.getWorkspace().getSiteId());
    assertEquals(second.getWorkspace().getWorkspaceId(), second.getInstance().getWorkspaceId());
    CreateWorkspaceResponse third = createWorkspace(f, email, "research", "cn-shenzhen");
    assertEquals(third.getWorkspace().getWorkspaceId(), third.getInstance().getWorkspaceId());
    assertEquals(MarketplaceBindingState.MARKETPLACE_BINDING_STATE_BOUND, third.getInstance().getBindingState());

    // All three, in one billing-center account, bound to the one instance, each with its own site.
    List<Workspace> listed = listAll(f, 2);
    assertEquals(
        List.of(first.getWorkspaceId(), second.getWorkspace().getWorkspaceId(), third.getWorkspace().getWorkspaceId()),
        listed.stream().map(Workspace::getWorkspaceId).toList());
    assertEquals(List.of("ap-singapore", "cn-hangzhou", "cn-shenzhen"), listed.stream().map(Workspace::getSiteId).toList());
    listed.forEach(w -> assertEquals(ins, w.getInstanceId()));
    listed.forEach(w -> assertEquals(reg.getBillingAccount().getBillingAccountId(), w.getBillingAccountId()));
    // The instance opens the one bound last...
    assertEquals(third.getWorkspace().getWorkspaceId(), shown(account, ins).getWorkspaceId());
    assertEquals(
        third.getWorkspace().getWorkspaceId(), market.resolve(market.ticket(account, ins)).getWorkspace().getWorkspaceId());

    // ... or the one chosen: OpenWorkspace ...
    var opened = server.binding().openWorkspace(open(f, first.getWorkspaceId()));
    assertEquals(first.getWorkspaceId(), opened.getWorkspace().getWorkspaceId());
    assertEquals(first.getWorkspaceId(), opened.getInstance().getWorkspaceId());
    assertEquals(first.getWorkspaceId(), shown(account, ins).getWorkspaceId());
    assertEquals(first.getWorkspaceId(), market.resolve(market.ticket(account, ins)).getWorkspace().getWorkspaceId());

    // ... or at log-in, which answers all three and the one to open.
    var in =
        server.binding()
            .logIn(
                LogInRequest.newBuilder()
                    .setLogin("manyws")
                    .setPassword(Marketplace.PASSWORD)
                    .setCloudAccountId(cloud)
                    .setInstanceId(ins)
                    .setWorkspaceId(second.getWorkspace().getWorkspaceId())
                    .build());
    assertEquals(listed, in.getWorkspacesList());
    assertEquals(second.getWorkspace(), in.getOpenedWorkspace());
    assertEquals(second.getWorkspace().getWorkspaceId(), in.getInstance().getWorkspaceId());
    assertEquals(second.getWorkspace().getWorkspaceId(), shown(account, ins).getWorkspaceId());
    // Without a choice, the log-in answers the one the instance opens.
    var plain =
        server.binding()
            .logIn(
                LogInRequest.newBuilder()
                    .setLogin("manyws")
                    .setPassword(Marketplace.PASSWORD)
                    .setCloudAccountId(cloud)
                    .setInstanceId(ins)
                    .build());
    assertEquals(second.getWorkspace(), plain.getOpenedWorkspace());

    // A second workspace's site never changes either; its name may.
    UpdateWorkspaceRequest.Builder update =
        UpdateWorkspaceRequest.newBuilder()
            .setRequestId(TestServer.requestId())
            .setCloudAccountId(cloud)
            .setInstanceId(ins)
            .setWorkspaceId(second.getWorkspace().getWorkspaceId());
    assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "WORKSPACE_SITE_IMMUTABLE",
        () -> server.binding().updateWorkspace(update.setSiteId("ap-singapore").build()));
    var renamed =
        server.binding().updateWorkspace(update.setRequestId(TestServer.requestId()).setSiteId("").setName("stage").build());
    assertEquals("cn-hangzhou", renamed.getWorkspace().getSiteId());
    assertEquals("stage", renamed.getWorkspace().getName());
    // Names stay unique within the billing-center account.
    server.clock.advance(Duration.ofSeconds(61));
    assertRefused(
        Status.Code.ALREADY_EXISTS,
        "WORKSPACE_NAME_TAKEN",
        () -> createWorkspace(f, email, "research", "ap-singapore"));
  }

  @Test
  void existingWorkspacesAreBoundOneAfterAnotherAndOnlyBoundOnesOpen() {
    CreateAccountResponse account = server.newAccount("Bind Many");
    String cloud = account.getAccount().getAccountId();
    String email = "bindmany@workspaces.example";
    var signUp =
        server.binding()
            .createBillingAccount(
                CreateBillingAccountRequest.newBuilder()
                    .setRequestId(TestServer.requestId())
                    .setUsername("bindmany")
                    .setPassword(Marketplace.PASSWORD)
                    .setPasswordConfirmation(Marketplace.PASSWORD)
                    .setEmail(email)
                    .setCompany(Marketplace.company("Bind Many Ltd"))
                    .setWorkspace(
                        NewWorkspace.newBuilder()
                            .setName("legacy")
                            .setLanguage(WorkspaceLanguage.WORKSPACE_LANGUAGE_ENGLISH)
                            .setSiteId("ap-singapore"))
                    .build());
    String ins = market.activate(account, Marketplace.PRODUCT, TestServer.requestId()).getInstanceId();
    String[] f = {cloud, ins};
    market.sendCodeToBillingAccount(cloud, ins, "bindmany");
    server.binding()
        .bindBillingAccount(
            BindBillingAccountRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setCloudAccountId(cloud)
                .setInstanceId(ins)
                .setBillingUsername("bindmany")
                .setVerificationCode(market.mail.latestCode(email))
                .build());
    String legacy = signUp.getWorkspace().getWorkspaceId();
    // Not bound yet: it cannot be opened.
    assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "WORKSPACE_NOT_BOUND_TO_INSTANCE",
        () -> server.binding().openWorkspace(open(f, legacy)));
    assertEquals(MarketplaceBindingState.MARKETPLACE_BINDING_STATE_UNBOUND, shown(account, ins).getBindingState());

    CreateWorkspaceResponse created = createWorkspace(f, email, "fresh", "cn-hangzhou");
    assertEquals(created.getWorkspace().getWorkspaceId(), shown(account, ins).getWorkspaceId());
    // A second workspace binds to an instance that has one already.
    var bound =
        server.binding()
            .bindWorkspace(
                BindWorkspaceRequest.newBuilder()
                    .setRequestId(TestServer.requestId())
                    .setCloudAccountId(cloud)
                    .setInstanceId(ins)
                    .setWorkspaceId(legacy)
                    .build());
    assertEquals(ins, bound.getWorkspace().getInstanceId());
    assertEquals(legacy, bound.getInstance().getWorkspaceId());
    assertEquals(2, listAll(f, 10).stream().filter(w -> w.getInstanceId().equals(ins)).count());
    // Rebinding the pair changes nothing, not even which one opens.
    server.binding().openWorkspace(open(f, created.getWorkspace().getWorkspaceId()));
    var again =
        server.binding()
            .bindWorkspace(
                BindWorkspaceRequest.newBuilder()
                    .setRequestId(TestServer.requestId())
                    .setCloudAccountId(cloud)
                    .setInstanceId(ins)
                    .setWorkspaceId(legacy)
                    .build());
    assertEquals(created.getWorkspace().getWorkspaceId(), again.getInstance().getWorkspaceId());

    // Another cloud account's flow can open none of them.
    String[] other = market.flow("Other Opener");
    assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "BILLING_ACCOUNT_NOT_BOUND",
        () -> server.binding().openWorkspace(open(other, legacy)));
    assertRefused(
        Status.Code.NOT_FOUND,
        "MARKETPLACE_INSTANCE_NOT_FOUND",
        () -> server.binding().openWorkspace(open(new String[] {other[0], ins}, legacy)));
    assertFalse(shown(account, ins).getWorkspaceId().isEmpty());
  }
}
