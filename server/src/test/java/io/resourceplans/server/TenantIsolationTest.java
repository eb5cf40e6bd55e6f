package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.grpc.Status;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.CreateSubUserRequest;
import io.resourceplans.api.v1.GetAccountRequest;
import io.resourceplans.api.v1.GetSubUserRequest;
import io.resourceplans.api.v1.ListApiKeysRequest;
import io.resourceplans.api.v1.ListSubUsersRequest;
import io.resourceplans.api.v1.RevokeApiKeyRequest;
import io.resourceplans.api.v1.SubUser;
import io.resourceplans.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A second tenant's key never sees or touches the first tenant's resources: they are NOT_FOUND. */
@Tag("citus")
class TenantIsolationTest {
  private static TestServer server;
  private static CreateAccountResponse first;
  private static CreateAccountResponse second;
  private static SubUser firstSubUser;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer();
    first = server.newAccount("First Tenant");
    second = server.newAccount("Second Tenant");
    firstSubUser =
        server.activation(first.getApiKeySecret())
            .createSubUser(CreateSubUserRequest.newBuilder().setRequestId(TestServer.requestId()).setDisplayName("ops").build())
            .getSubUser();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void anotherTenantsAccountIsNotFound() {
    assertRefused(
        Status.Code.NOT_FOUND,
        "ACCOUNT_NOT_FOUND",
        () ->
            server.activation(second.getApiKeySecret())
                .getAccount(GetAccountRequest.newBuilder().setAccountId(first.getAccount().getAccountId()).build()));
  }

  @Test
  void anotherTenantsSubUserIsNotFound() {
    assertRefused(
        Status.Code.NOT_FOUND,
        "SUB_USER_NOT_FOUND",
        () ->
            server.activation(second.getApiKeySecret())
                .getSubUser(GetSubUserRequest.newBuilder().setSubUserId(firstSubUser.getSubUserId()).build()));
  }

  @Test
  void anotherTenantCannotRevokeAKeyAndTheKeyKeepsWorking() {
    assertRefused(
        Status.Code.NOT_FOUND,
        "API_KEY_NOT_FOUND",
        () ->
            server.activation(second.getApiKeySecret())
                .revokeApiKey(
                    RevokeApiKeyRequest.newBuilder()
                        .setRequestId(TestServer.requestId())
                        .setApiKeyId(first.getApiKey().getApiKeyId())
                        .build()));
    assertEquals(
        first.getAccount().getAccountId(),
        server.activation(first.getApiKeySecret()).getAccount(GetAccountRequest.getDefaultInstance()).getAccount().getAccountId());
  }

  @Test
  void listsShowOnlyTheCallersOwnResources() {
    var subUsers = server.activation(second.getApiKeySecret()).listSubUsers(ListSubUsersRequest.getDefaultInstance());
    assertEquals(0, subUsers.getSubUsersCount());
    var keys = server.activation(second.getApiKeySecret()).listApiKeys(ListApiKeysRequest.getDefaultInstance());
    assertEquals(1, keys.getApiKeysCount());
    assertEquals(second.getApiKey().getApiKeyId(), keys.getApiKeys(0).getApiKeyId());
    assertFalse(keys.getApiKeysList().stream().anyMatch(k -> k.getApiKeyId().equals(first.getApiKey().getApiKeyId())));
  }

  @Test
  void listingTheKeysOfAnotherTenantsSubUserIsNotFound() {
    assertRefused(
        Status.Code.NOT_FOUND,
        "SUB_USER_NOT_FOUND",
        () ->
            server.activation(second.getApiKeySecret())
                .listApiKeys(ListApiKeysRequest.newBuilder().setSubUserId(firstSubUser.getSubUserId()).build()));
    assertRefused(
        Status.Code.NOT_FOUND,
        "SUB_USER_NOT_FOUND",
        () ->
            server.activation(first.getApiKeySecret())
                .listApiKeys(ListApiKeysRequest.newBuilder().setSubUserId("usr-0000000000000000").build()));
    // Its own sub-user's keys (none yet) are an empty list.
    assertEquals(
        0,
        server.activation(first.getApiKeySecret())
            .listApiKeys(ListApiKeysRequest.newBuilder().setSubUserId(firstSubUser.getSubUserId()).build())
            .getApiKeysCount());
  }
}
