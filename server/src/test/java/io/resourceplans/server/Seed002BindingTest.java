package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.resourceplans.api.v1.BindBillingAccountRequest;
import io.resourceplans.api.v1.BindWorkspaceRequest;
import io.resourceplans.api.v1.BindingNextStep;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.CreateBillingAccountRequest;
import io.resourceplans.api.v1.CreateWorkspaceRequest;
import io.resourceplans.api.v1.ExistingVendorUser;
import io.resourceplans.api.v1.GetAccountRequest;
import io.resourceplans.api.v1.GetBillingAccountRequest;
import io.resourceplans.api.v1.GetMarketplaceInstanceRequest;
import io.resourceplans.api.v1.ListMarketplaceInstancesRequest;
import io.resourceplans.api.v1.ListWorkspacesRequest;
import io.resourceplans.api.v1.LogInRequest;
import io.resourceplans.api.v1.MarketplaceBindingState;
import io.resourceplans.api.v1.MarketplaceInstance;
import io.resourceplans.api.v1.UpdateWorkspaceRequest;
import io.resourceplans.api.v1.VerificationCodePurpose;
import io.resourceplans.api.v1.WorkspaceLanguage;
import io.resourceplans.server.testing.Marketplace;
import io.resourceplans.server.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Seed 002 end to end over gRPC: the marketplace side (activate, purchased services, account ID,
 * "Login directly") and both vendor paths, with codes read from the mailed email.
 */
@Tag("citus")
class Seed002BindingTest {
  @RegisterExtension static final Marketplace market = Marketplace.forClass();
  private static final TestServer server = market.server();


  /** Step one and "How to obtain Account ID / Product Instance ID". */
  private static MarketplaceInstance purchase(CreateAccountResponse account) {
    MarketplaceInstance instance = market.activate(account, Marketplace.PRODUCT, TestServer.requestId());
    assertEquals(MarketplaceBindingState.MARKETPLACE_BINDING_STATE_UNBOUND, instance.getBindingState());
    String key = account.getApiKeySecret();
    var purchased = server.activation(key).listMarketplaceInstances(ListMarketplaceInstancesRequest.getDefaultInstance());
    assertEquals(1, purchased.getInstancesCount());
    assertEquals(instance.getInstanceId(), purchased.getInstances(0).getInstanceId());
    assertEquals(Marketplace.PRODUCT, purchased.getInstances(0).getProductId());
    assertTrue(purchased.getInstances(0).hasCreateTime());
    assertEquals(
        account.getAccount().getAccountId(),
        server.activation(key).getAccount(GetAccountRequest.getDefaultInstance()).getAccount().getAccountId());
    return instance;
  }

  @Test
  void pathA_noBillingAccount_registerWithMailedCode_thenLogIn() {
    CreateAccountResponse account = server.newAccount("Register Path");
    String cloud = account.getAccount().getAccountId();
    MarketplaceInstance instance = purchase(account);

    var first = market.resolve(market.ticket(account, instance.getInstanceId()));
    assertEquals(BindingNextStep.BINDING_NEXT_STEP_REGISTER, first.getNextStep());
    assertEquals(cloud, first.getCloudAccountId());
    assertEquals(instance.getInstanceId(), first.getInstanceId());
    assertFalse(first.hasBillingAccount());

    String email = "wang.fang@register.example";
    var sent = market.sendCode(cloud, instance.getInstanceId(), VerificationCodePurpose.VERIFICATION_CODE_PURPOSE_REGISTER, email);
    assertEquals("w***@register.example", sent.getMaskedEmail());
    String code = market.mail.latestCode(email);

    var registered =
        server.binding().register(market.registerRequest(cloud, instance.getInstanceId(), "wangfang", email, code).build());
    assertEquals("wangfang", registered.getUser().getUsername());
    assertEquals(cloud, registered.getBillingAccount().getCloudAccountId());
    assertEquals(registered.getBillingAccount().getBillingAccountId(), registered.getWorkspace().getBillingAccountId());
    assertEquals(instance.getInstanceId(), registered.getWorkspace().getInstanceId());
    assertEquals("ap-singapore", registered.getWorkspace().getSiteId());
    assertEquals(MarketplaceBindingState.MARKETPLACE_BINDING_STATE_BOUND, registered.getInstance().getBindingState());

    var again = market.resolve(market.ticket(account, instance.getInstanceId()));
    assertEquals(BindingNextStep.BINDING_NEXT_STEP_LOG_IN, again.getNextStep());
    assertEquals(registered.getWorkspace().getWorkspaceId(), again.getWorkspace().getWorkspaceId());
    assertEquals(registered.getBillingAccount().getBillingAccountId(), again.getBillingAccount().getBillingAccountId());

    // The purchased service now shows the binding.
    var shown =
        server.activation(account.getApiKeySecret())
            .getMarketplaceInstance(GetMarketplaceInstanceRequest.newBuilder().setInstanceId(instance.getInstanceId()).build())
            .getInstance();
    assertEquals(MarketplaceBindingState.MARKETPLACE_BINDING_STATE_BOUND, shown.getBindingState());
    assertEquals(registered.getWorkspace().getWorkspaceId(), shown.getWorkspaceId());

    // Step three: "enter the username and password to access the workspace". The log-in is tied
    // to the ticket's cloud account and answers the user, its billing-center account and workspaces.
    var loggedIn =
        server.binding()
            .logIn(
                LogInRequest.newBuilder()
                    .setLogin("wangfang")
                    .setPassword(Marketplace.PASSWORD)
                    .setCloudAccountId(again.getCloudAccountId())
                    .setInstanceId(again.getInstanceId())
                    .build());
    assertEquals(registered.getUser(), loggedIn.getUser());
    assertEquals(registered.getBillingAccount().getBillingAccountId(), loggedIn.getBillingAccount().getBillingAccountId());
    assertEquals(List.of(registered.getWorkspace()), loggedIn.getWorkspacesList());
    assertEquals(registered.getWorkspace(), loggedIn.getOpenedWorkspace());
    // A wrong password, and a user that does not exist, get the same refusal.
    var wrong =
        assertRefused(
            Status.Code.FAILED_PRECONDITION,
            "LOGIN_CREDENTIALS_INVALID",
            () -> server.binding().logIn(LogInRequest.newBuilder().setLogin("wangfang").setPassword("Not-the-1").build()));
    var unknown =
        assertRefused(
            Status.Code.FAILED_PRECONDITION,
            "LOGIN_CREDENTIALS_INVALID",
            () -> server.binding().logIn(LogInRequest.newBuilder().setLogin("lifang").setPassword("Not-the-1").build()));
    assertEquals(wrong.getStatus().getDescription(), unknown.getStatus().getDescription());

    // "A single account can link multiple workspaces": a second one, in another site, bound to
    // the same instance; both are listed, and the instance opens the one chosen at log-in.
    server.clock.advance(java.time.Duration.ofSeconds(61));
    market.sendCode(cloud, instance.getInstanceId(), VerificationCodePurpose.VERIFICATION_CODE_PURPOSE_CREATE_WORKSPACE, email);
    var second =
        server.binding()
            .createWorkspace(
                CreateWorkspaceRequest.newBuilder()
                    .setRequestId(TestServer.requestId())
                    .setCloudAccountId(cloud)
                    .setInstanceId(instance.getInstanceId())
                    .setName("wangfang-cn")
                    .setLanguage(WorkspaceLanguage.WORKSPACE_LANGUAGE_CHINESE)
                    .setSiteId("cn-hangzhou")
                    .setExistingUser(
                        ExistingVendorUser.newBuilder().setEmail(email).setVerificationCode(market.mail.latestCode(email)))
                    .setAcceptedTermsVersion("2026-01")
                    .build())
            .getWorkspace();
    assertEquals(instance.getInstanceId(), second.getInstanceId());
    var both = server.binding().listWorkspaces(listWorkspaces(cloud, instance.getInstanceId()));
    assertEquals(
        List.of(registered.getWorkspace().getWorkspaceId(), second.getWorkspaceId()),
        both.getWorkspacesList().stream().map(io.resourceplans.api.v1.Workspace::getWorkspaceId).toList());
    var chooseFirst =
        server.binding()
            .logIn(
                LogInRequest.newBuilder()
                    .setLogin("wang.fang@register.example")
                    .setPassword(Marketplace.PASSWORD)
                    .setCloudAccountId(cloud)
                    .setInstanceId(instance.getInstanceId())
                    .setWorkspaceId(registered.getWorkspace().getWorkspaceId())
                    .build());
    assertEquals(2, chooseFirst.getWorkspacesCount());
    assertEquals(registered.getWorkspace().getWorkspaceId(), chooseFirst.getOpenedWorkspace().getWorkspaceId());
    assertEquals(
        registered.getWorkspace().getWorkspaceId(),
        server.activation(account.getApiKeySecret())
            .getMarketplaceInstance(GetMarketplaceInstanceRequest.newBuilder().setInstanceId(instance.getInstanceId()).build())
            .getInstance()
            .getWorkspaceId());
    // The second workspace's site cannot change ("This cannot be changed later").
    assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "WORKSPACE_SITE_IMMUTABLE",
        () -> server.binding().updateWorkspace(
            UpdateWorkspaceRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setCloudAccountId(cloud)
                .setInstanceId(instance.getInstanceId())
                .setWorkspaceId(second.getWorkspaceId())
                .setSiteId("ap-singapore")
                .build()));

    // The password is kept only as an Argon2id hash, and no stored answer holds it or the code.
    String hash =
        server.jdbi().withHandle(h -> h.createQuery("select password_hash from vendor_users where username = 'wangfang'")
            .mapTo(String.class).one());
    assertTrue(hash.startsWith("$argon2id$v=19$"), hash);
    assertFalse(hash.contains(Marketplace.PASSWORD));
    long leaks =
        server.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from idempotency_records where position(convert_to(:s, 'UTF8') in response) > 0")
            .bind("s", Marketplace.PASSWORD).mapTo(Long.class).one());
    assertEquals(0, leaks);
  }

  @Test
  void pathB_existingBillingAccount_bindWithMailedCode_createWorkspace_bindIt_thenLogIn() {
    CreateAccountResponse account = server.newAccount("Bind Path");
    String cloud = account.getAccount().getAccountId();
    String email = account.getAccount().getContactEmail();
    // The billing-center account exists already: the vendor's own sign-up, with the cloud
    // account's contact email.
    var signUp =
        server.binding()
            .createBillingAccount(
                CreateBillingAccountRequest.newBuilder()
                    .setRequestId(TestServer.requestId())
                    .setUsername("bindpath")
                    .setPassword(Marketplace.PASSWORD)
                    .setPasswordConfirmation(Marketplace.PASSWORD)
                    .setEmail(email)
                    .setCompany(Marketplace.company("Bind Path Ltd"))
                    .build());
    assertEquals("", signUp.getBillingAccount().getCloudAccountId());
    MarketplaceInstance instance = purchase(account);
    String ins = instance.getInstanceId();

    var first = market.resolve(market.ticket(account, ins));
    assertEquals(BindingNextStep.BINDING_NEXT_STEP_BIND_BILLING_ACCOUNT, first.getNextStep());

    // Bind the billing-center account: its username plus the code mailed to its email.
    market.sendCodeToBillingAccount(cloud, ins, "bindpath");
    var bound =
        server.binding()
            .bindBillingAccount(
                BindBillingAccountRequest.newBuilder()
                    .setRequestId(TestServer.requestId())
                    .setCloudAccountId(cloud)
                    .setInstanceId(ins)
                    .setBillingUsername("bindpath")
                    .setVerificationCode(market.mail.latestCode(email))
                    .build())
            .getBillingAccount();
    assertEquals(cloud, bound.getCloudAccountId());
    assertTrue(bound.hasLinkTime());

    var second = market.resolve(market.ticket(account, ins));
    assertEquals(BindingNextStep.BINDING_NEXT_STEP_BIND_WORKSPACE, second.getNextStep());
    assertEquals(0, server.binding().listWorkspaces(listWorkspaces(cloud, ins)).getWorkspacesCount());

    // Create a workspace as the existing vendor user (email + code, terms accepted)...
    market.sendCode(cloud, ins, VerificationCodePurpose.VERIFICATION_CODE_PURPOSE_CREATE_WORKSPACE, email);
    var created =
        server.binding()
            .createWorkspace(
                CreateWorkspaceRequest.newBuilder()
                    .setRequestId(TestServer.requestId())
                    .setCloudAccountId(cloud)
                    .setInstanceId(ins)
                    .setName("production")
                    .setLanguage(WorkspaceLanguage.WORKSPACE_LANGUAGE_CHINESE)
                    .setSiteId("cn-hangzhou")
                    .setExistingUser(
                        ExistingVendorUser.newBuilder().setEmail(email).setVerificationCode(market.mail.latestCode(email)))
                    .setAcceptedTermsVersion("2026-01")
                    .build());
    assertEquals(signUp.getUser().getVendorUserId(), created.getOwner().getVendorUserId());
    assertEquals(bound.getBillingAccountId(), created.getWorkspace().getBillingAccountId());

    // ... and bind it (it shows as Bound; binding the same pair again returns it unchanged).
    var bindAgain =
        server.binding()
            .bindWorkspace(
                BindWorkspaceRequest.newBuilder()
                    .setRequestId(TestServer.requestId())
                    .setCloudAccountId(cloud)
                    .setInstanceId(ins)
                    .setWorkspaceId(created.getWorkspace().getWorkspaceId())
                    .build());
    assertEquals(ins, bindAgain.getWorkspace().getInstanceId());
    assertEquals(created.getWorkspace(), bindAgain.getWorkspace());
    var listed = server.binding().listWorkspaces(listWorkspaces(cloud, ins));
    assertEquals(1, listed.getWorkspacesCount());
    assertEquals(ins, listed.getWorkspaces(0).getInstanceId());

    var last = market.resolve(market.ticket(account, ins));
    assertEquals(BindingNextStep.BINDING_NEXT_STEP_LOG_IN, last.getNextStep());
    assertEquals(created.getWorkspace().getWorkspaceId(), last.getWorkspace().getWorkspaceId());
    assertEquals(
        bound.getBillingAccountId(),
        server.binding()
            .getBillingAccount(GetBillingAccountRequest.newBuilder().setCloudAccountId(cloud).setInstanceId(ins).build())
            .getBillingAccount()
            .getBillingAccountId());
    // Then the log-in page: the billing-center account's user, by email, reaches the workspace.
    var loggedIn =
        server.binding()
            .logIn(
                LogInRequest.newBuilder()
                    .setLogin(email)
                    .setPassword(Marketplace.PASSWORD)
                    .setCloudAccountId(cloud)
                    .setInstanceId(ins)
                    .build());
    assertEquals(signUp.getUser(), loggedIn.getUser());
    assertEquals(bound.getBillingAccountId(), loggedIn.getBillingAccount().getBillingAccountId());
    assertEquals(List.of(created.getWorkspace()), loggedIn.getWorkspacesList());
    assertEquals(created.getWorkspace(), loggedIn.getOpenedWorkspace());
  }

  @Test
  void pathB_bindsAnExistingUnboundWorkspace() {
    CreateAccountResponse account = server.newAccount("Existing Workspace");
    String cloud = account.getAccount().getAccountId();
    var signUp =
        server.binding()
            .createBillingAccount(
                CreateBillingAccountRequest.newBuilder()
                    .setRequestId(TestServer.requestId())
                    .setUsername("haswork")
                    .setPassword(Marketplace.PASSWORD)
                    .setPasswordConfirmation(Marketplace.PASSWORD)
                    .setEmail("ops@haswork.example")
                    .setCompany(Marketplace.company("Has Work Ltd"))
                    .setWorkspace(
                        io.resourceplans.api.v1.NewWorkspace.newBuilder()
                            .setName("legacy")
                            .setLanguage(WorkspaceLanguage.WORKSPACE_LANGUAGE_ENGLISH)
                            .setSiteId("ap-singapore"))
                    .build());
    String ins = purchase(account).getInstanceId();
    // Not the contact email: the vendor page offers registration, binding remains possible.
    assertEquals(BindingNextStep.BINDING_NEXT_STEP_REGISTER, market.resolve(market.ticket(account, ins)).getNextStep());
    market.sendCodeToBillingAccount(cloud, ins, "haswork");
    server.binding()
        .bindBillingAccount(
            BindBillingAccountRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setCloudAccountId(cloud)
                .setInstanceId(ins)
                .setBillingUsername("haswork")
                .setVerificationCode(market.mail.latestCode("ops@haswork.example"))
                .build());
    var listed = server.binding().listWorkspaces(listWorkspaces(cloud, ins));
    assertEquals(1, listed.getWorkspacesCount());
    assertEquals("", listed.getWorkspaces(0).getInstanceId());

    var bound =
        server.binding()
            .bindWorkspace(
                BindWorkspaceRequest.newBuilder()
                    .setRequestId(TestServer.requestId())
                    .setCloudAccountId(cloud)
                    .setInstanceId(ins)
                    .setWorkspaceId(signUp.getWorkspace().getWorkspaceId())
                    .build());
    assertEquals(MarketplaceBindingState.MARKETPLACE_BINDING_STATE_BOUND, bound.getInstance().getBindingState());
    assertEquals(BindingNextStep.BINDING_NEXT_STEP_LOG_IN, market.resolve(market.ticket(account, ins)).getNextStep());
  }

  private static ListWorkspacesRequest listWorkspaces(String cloud, String instanceId) {
    return ListWorkspacesRequest.newBuilder().setCloudAccountId(cloud).setInstanceId(instanceId).build();
  }
}
