package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertInvalid;
import static io.resourceplans.server.testing.Errors.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.resourceplans.api.v1.CreateAccountRequest;
import io.resourceplans.api.v1.CreateApiKeyRequest;
import io.resourceplans.api.v1.CreateSubUserRequest;
import io.resourceplans.api.v1.GetAccountRequest;
import io.resourceplans.api.v1.IdentityVerificationState;
import io.resourceplans.api.v1.ListApiKeysRequest;
import io.resourceplans.api.v1.ListSubUsersRequest;
import io.resourceplans.api.v1.Permission;
import io.resourceplans.api.v1.UpdateSubUserPermissionsRequest;
import io.resourceplans.server.testing.TestServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("citus")
class AccountLifecycleTest {
  @RegisterExtension
  static final TestServer server = TestServer.forClass();

  private static CreateAccountRequest.Builder accountRequest(String requestId) {
    return CreateAccountRequest.newBuilder()
        .setRequestId(requestId)
        .setDisplayName("Retry Corp")
        .setContactEmail("billing@retry.example");
  }

  @Test
  void newAccountStartsUnverifiedInSingapore() {
    var created = server.newAccount("Fresh Co");
    assertEquals("ap-southeast-1", created.getAccount().getDefaultRegionId());
    assertEquals(
        IdentityVerificationState.IDENTITY_VERIFICATION_STATE_UNVERIFIED,
        created.getAccount().getIdentityVerificationState());
    assertTrue(created.getApiKeySecret().startsWith("rpk."));
    assertTrue(created.getApiKeySecret().contains(created.getApiKey().getSecretPrefix()));
  }

  @Test
  void newAccountCannotStartInARegionThatRequiresVerification() {
    long before = server.count("accounts");
    assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "IDENTITY_NOT_VERIFIED",
        () -> server.operator().createAccount(accountRequest(TestServer.requestId()).setDefaultRegionId("cn-hangzhou").build()));
    assertRefused(
        Status.Code.NOT_FOUND,
        "REGION_NOT_FOUND",
        () -> server.operator().createAccount(accountRequest(TestServer.requestId()).setDefaultRegionId("xx-nowhere-1").build()));
    assertEquals(before, server.count("accounts"));
  }

  @Test
  void retryingCreateAccountReturnsTheSameAccountWithoutTheSecretAgain() {
    String requestId = TestServer.requestId();
    long before = server.count("accounts");
    var first = server.operator().createAccount(accountRequest(requestId).build());
    var retry = server.operator().createAccount(accountRequest(requestId).build());
    assertEquals(first.getAccount(), retry.getAccount());
    assertEquals(first.getApiKey(), retry.getApiKey());
    assertFalse(first.getApiKeySecret().isEmpty());
    assertEquals("", retry.getApiKeySecret());
    assertEquals(before + 1, server.count("accounts"));
    long keys =
        server.jdbi().withHandle(h ->
            h.createQuery("select count(*) from api_keys where account_id = :a")
                .bind("a", first.getAccount().getAccountId()).mapTo(Long.class).one());
    assertEquals(1, keys);
  }

  @Test
  void reusingARequestIdForOtherContentIsRefusedAndChangesNothing() {
    String requestId = TestServer.requestId();
    server.operator().createAccount(accountRequest(requestId).build());
    long before = server.count("accounts");
    assertRefused(
        Status.Code.INVALID_ARGUMENT,
        "IDEMPOTENCY_KEY_REUSED",
        () -> server.operator().createAccount(accountRequest(requestId).setDisplayName("Other Corp").build()));
    assertEquals(before, server.count("accounts"));
  }

  @Test
  void subUserPermissionsCanBeGrantedAndReplaced() {
    String main = server.newAccount("Perm Co").getApiKeySecret();
    var subUser =
        server.activation(main)
            .createSubUser(
                CreateSubUserRequest.newBuilder()
                    .setRequestId(TestServer.requestId())
                    .setDisplayName("buyer")
                    .addPermissions(Permission.PERMISSION_PRODUCT_ACCESS)
                    .build())
            .getSubUser();
    assertEquals(List.of(Permission.PERMISSION_PRODUCT_ACCESS), subUser.getPermissionsList());
    var updated =
        server.activation(main)
            .updateSubUserPermissions(
                UpdateSubUserPermissionsRequest.newBuilder()
                    .setRequestId(TestServer.requestId())
                    .setSubUserId(subUser.getSubUserId())
                    .addPermissions(Permission.PERMISSION_ORDER_ACCESS)
                    .addPermissions(Permission.PERMISSION_PRODUCT_ACCESS)
                    .build())
            .getSubUser();
    assertEquals(
        new HashSet<>(List.of(Permission.PERMISSION_PRODUCT_ACCESS, Permission.PERMISSION_ORDER_ACCESS)),
        new HashSet<>(updated.getPermissionsList()));
  }

  @Test
  void listsPageThroughEveryItemExactlyOnce() {
    String main = server.newAccount("Many Users").getApiKeySecret();
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      created.add(
          server.activation(main)
              .createSubUser(CreateSubUserRequest.newBuilder().setRequestId(TestServer.requestId()).setDisplayName("u" + i).build())
              .getSubUser()
              .getSubUserId());
      server.clock.advance(java.time.Duration.ofSeconds(1));
    }
    List<String> seen = new ArrayList<>();
    String token = "";
    int pages = 0;
    do {
      var page =
          server.activation(main)
              .listSubUsers(ListSubUsersRequest.newBuilder().setPageSize(3).setPageToken(token).build());
      page.getSubUsersList().forEach(s -> seen.add(s.getSubUserId()));
      token = page.getNextPageToken();
      pages++;
    } while (!token.isEmpty());
    assertEquals(created, seen);
    assertEquals(3, pages);
  }

  @Test
  void aBadPageTokenIsInvalidArgument() {
    String main = server.newAccount("Token Co").getApiKeySecret();
    assertInvalid(
        () -> server.activation(main).listApiKeys(ListApiKeysRequest.newBuilder().setPageToken("garbage!").build()),
        "page_token");
  }

  @Test
  void createApiKeyRetryReturnsTheSameKeyAndTheKeyAuthenticates() {
    String main = server.newAccount("Key Co").getApiKeySecret();
    String requestId = TestServer.requestId();
    var request = CreateApiKeyRequest.newBuilder().setRequestId(requestId).setDisplayName("ci").build();
    var first = server.activation(main).createApiKey(request);
    var retry = server.activation(main).createApiKey(request);
    assertEquals(first.getApiKey(), retry.getApiKey());
    assertEquals("", retry.getSecret());
    assertNotEquals("", first.getSecret());
    server.activation(first.getSecret()).getAccount(GetAccountRequest.getDefaultInstance());
    assertEquals(2, server.activation(main).listApiKeys(ListApiKeysRequest.getDefaultInstance()).getApiKeysCount());
  }

  @Test
  void theLastMainKeyCannotBeRevoked() {
    var created = server.newAccount("Last Key Co");
    String main = created.getApiKeySecret();
    assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "LAST_MAIN_API_KEY",
        () ->
            server.activation(main)
                .revokeApiKey(
                    io.resourceplans.api.v1.RevokeApiKeyRequest.newBuilder()
                        .setRequestId(TestServer.requestId())
                        .setApiKeyId(created.getApiKey().getApiKeyId())
                        .build()));
    var spare =
        server.activation(main)
            .createApiKey(CreateApiKeyRequest.newBuilder().setRequestId(TestServer.requestId()).setDisplayName("spare").build());
    var revoked =
        server.activation(spare.getSecret())
            .revokeApiKey(
                io.resourceplans.api.v1.RevokeApiKeyRequest.newBuilder()
                    .setRequestId(TestServer.requestId())
                    .setApiKeyId(created.getApiKey().getApiKeyId())
                    .build());
    assertTrue(revoked.getApiKey().hasRevokeTime());
  }

  @Test
  void apiKeySecretsAreStoredOnlyAsHashes() {
    var created = server.newAccount("Hash Co");
    String secret = created.getApiKeySecret();
    boolean leaked =
        server.jdbi().withHandle(h ->
            h.createQuery("select count(*) from api_keys where encode(secret_hash, 'escape') like :s or secret_prefix = :full")
                .bind("s", "%" + secret.substring(secret.lastIndexOf('.') + 1) + "%")
                .bind("full", secret)
                .mapTo(Long.class)
                .one()) > 0;
    assertFalse(leaked);
  }
}
