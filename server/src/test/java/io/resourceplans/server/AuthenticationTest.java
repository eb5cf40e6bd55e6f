package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import io.resourceplans.api.v1.ActivationServiceGrpc;
import io.resourceplans.api.v1.CreateAccountRequest;
import io.resourceplans.api.v1.CreateApiKeyRequest;
import io.resourceplans.api.v1.CreateSubUserRequest;
import io.resourceplans.api.v1.GetAccountRequest;
import io.resourceplans.api.v1.LookupAccountRequest;
import io.resourceplans.api.v1.GetPackageSummaryRequest;
import io.resourceplans.api.v1.Permission;
import io.resourceplans.api.v1.RevokeApiKeyRequest;
import io.resourceplans.api.v1.UpdateSubUserPermissionsRequest;
import io.resourceplans.domain.auth.AuthSettings;
import io.resourceplans.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthenticationTest {
  @RegisterExtension
  static final TestServer server = TestServer.forClass();

  @Test
  void callWithoutKeyIsUnauthenticated() {
    var anonymous = ActivationServiceGrpc.newBlockingStub(server.channel());
    assertRefused(
        Status.Code.UNAUTHENTICATED,
        "API_KEY_MISSING",
        () -> anonymous.getAccount(GetAccountRequest.getDefaultInstance()));
  }

  @Test
  void unknownOrMalformedKeyIsUnauthenticated() {
    assertRefused(
        Status.Code.UNAUTHENTICATED,
        "API_KEY_INVALID",
        () -> server.activation("not-a-key").getAccount(GetAccountRequest.getDefaultInstance()));
    String issued = server.newAccount("Forger").getApiKeySecret();
    String forged = issued.substring(0, issued.length() - 4) + "AAAA";
    assertRefused(
        Status.Code.UNAUTHENTICATED,
        "API_KEY_INVALID",
        () -> server.activation(forged).getAccount(GetAccountRequest.getDefaultInstance()));
  }

  @Test
  void accountKeyWorksAndOperatorRpcsRefuseIt() {
    var created = server.newAccount("Alice Shop");
    String key = created.getApiKeySecret();
    var account = server.activation(key).getAccount(GetAccountRequest.getDefaultInstance()).getAccount();
    assertEquals(created.getAccount(), account);
    assertRefused(
        Status.Code.PERMISSION_DENIED,
        "OPERATOR_ONLY",
        () ->
            io.resourceplans.api.v1.OperatorServiceGrpc.newBlockingStub(server.channel())
                .withCallCredentials(TestServer.bearer(key))
                .createAccount(
                    CreateAccountRequest.newBuilder()
                        .setRequestId(TestServer.requestId())
                        .setDisplayName("x")
                        .setContactEmail("x@example.com")
                        .build()));
  }

  @Test
  void operatorKeyReadsAnyAccountButOwnsNone() {
    var created = server.newAccount("Bob Mail");
    var looked =
        server.operator()
            .lookupAccount(LookupAccountRequest.newBuilder().setAccountId(created.getAccount().getAccountId()).build());
    assertEquals(created.getAccount(), looked.getAccount());
    assertRefused(
        Status.Code.PERMISSION_DENIED,
        "ACCOUNT_ONLY",
        () ->
            server.activation(TestServer.OPERATOR_KEY)
                .createSubUser(CreateSubUserRequest.newBuilder().setRequestId(TestServer.requestId()).setDisplayName("ops").build()));
  }

  @Test
  void subUserKeyCannotAdministerTheAccount() {
    String main = server.newAccount("Carol Sms").getApiKeySecret();
    var subUser =
        server.activation(main)
            .createSubUser(CreateSubUserRequest.newBuilder().setRequestId(TestServer.requestId()).setDisplayName("dev").build())
            .getSubUser();
    String subKey =
        server.activation(main)
            .createApiKey(
                CreateApiKeyRequest.newBuilder()
                    .setRequestId(TestServer.requestId())
                    .setSubUserId(subUser.getSubUserId())
                    .setDisplayName("dev laptop")
                    .build())
            .getSecret();
    // The sub-user acts within the account...
    assertEquals(
        subUser.getSubUserId().isEmpty(), false);
    server.activation(subKey).getAccount(GetAccountRequest.getDefaultInstance());
    // ...but cannot create users or keys.
    assertRefused(
        Status.Code.PERMISSION_DENIED,
        "MAIN_ACCOUNT_ONLY",
        () ->
            server.activation(subKey)
                .createApiKey(CreateApiKeyRequest.newBuilder().setRequestId(TestServer.requestId()).setDisplayName("more").build()));
  }

  @Test
  void revokedKeyStopsWorking() {
    var created = server.newAccount("Dave Revoke");
    String main = created.getApiKeySecret();
    var second =
        server.activation(main)
            .createApiKey(CreateApiKeyRequest.newBuilder().setRequestId(TestServer.requestId()).setDisplayName("ci").build());
    server.activation(second.getSecret()).getAccount(GetAccountRequest.getDefaultInstance());
    var revoked =
        server.activation(main)
            .revokeApiKey(
                RevokeApiKeyRequest.newBuilder()
                    .setRequestId(TestServer.requestId())
                    .setApiKeyId(second.getApiKey().getApiKeyId())
                    .build())
            .getApiKey();
    assertEquals(true, revoked.hasRevokeTime());
    assertRefused(
        Status.Code.UNAUTHENTICATED,
        "API_KEY_INVALID",
        () -> server.activation(second.getSecret()).getAccount(GetAccountRequest.getDefaultInstance()));
  }

  @Test
  void aKeyRevokedThroughAnotherReplicaStopsWorkingWithinTheCacheTime() {
    String main = server.newAccount("Erin Replica").getApiKeySecret();
    var second =
        server.activation(main)
            .createApiKey(CreateApiKeyRequest.newBuilder().setRequestId(TestServer.requestId()).setDisplayName("ci").build());
    server.activation(second.getSecret()).getAccount(GetAccountRequest.getDefaultInstance());
    // Another replica revokes it: this one learns only from the database, after its cache time.
    server.jdbi().useHandle(h -> h.createUpdate("update api_keys set revoke_time = now() where api_key_id = :id")
        .bind("id", second.getApiKey().getApiKeyId())
        .execute());
    server.activation(second.getSecret()).getAccount(GetAccountRequest.getDefaultInstance());
    server.clock.advance(AuthSettings.DEFAULT_PRINCIPAL_CACHE_TTL);
    assertRefused(
        Status.Code.UNAUTHENTICATED,
        "API_KEY_INVALID",
        () -> server.activation(second.getSecret()).getAccount(GetAccountRequest.getDefaultInstance()));
  }

  @Test
  void aSubUserLosesAPermissionAtOnce() {
    String main = server.newAccount("Frank Narrowed").getApiKeySecret();
    var subUser =
        server.activation(main)
            .createSubUser(
                CreateSubUserRequest.newBuilder()
                    .setRequestId(TestServer.requestId())
                    .setDisplayName("ops")
                    .addPermissions(Permission.PERMISSION_PRODUCT_ACCESS)
                    .build())
            .getSubUser();
    String subKey =
        server.activation(main)
            .createApiKey(
                CreateApiKeyRequest.newBuilder()
                    .setRequestId(TestServer.requestId())
                    .setSubUserId(subUser.getSubUserId())
                    .setDisplayName("ops laptop")
                    .build())
            .getSecret();
    server.plan(subKey).getPackageSummary(GetPackageSummaryRequest.getDefaultInstance());
    server.activation(main)
        .updateSubUserPermissions(
            UpdateSubUserPermissionsRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setSubUserId(subUser.getSubUserId())
                .addPermissions(Permission.PERMISSION_ORDER_ACCESS)
                .build());
    assertRefused(
        Status.Code.PERMISSION_DENIED,
        "PERMISSION_MISSING",
        () -> server.plan(subKey).getPackageSummary(GetPackageSummaryRequest.getDefaultInstance()));
  }
}
