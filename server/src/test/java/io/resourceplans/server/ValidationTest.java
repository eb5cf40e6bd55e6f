package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertInvalid;
import static io.resourceplans.server.testing.Errors.details;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.ErrorInfo;
import io.resourceplans.api.v1.CreateAccountRequest;
import io.resourceplans.api.v1.CreateSubUserRequest;
import io.resourceplans.api.v1.GetSubUserRequest;
import io.resourceplans.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Malformed input is INVALID_ARGUMENT with field violations, and writes nothing. */
class ValidationTest {
  @RegisterExtension
  static final TestServer server = TestServer.forClass();

  @Test
  void malformedCreateAccountNamesEveryBadFieldAndWritesNothing() {
    long accounts = server.count("accounts");
    long records = server.count("idempotency_records");
    var e =
        assertInvalid(
            () ->
                server.operator()
                    .createAccount(
                        CreateAccountRequest.newBuilder()
                            .setRequestId("")
                            .setDisplayName("")
                            .setContactEmail("not-an-email")
                            .build()),
            "request_id",
            "display_name",
            "contact_email");
    assertTrue(details(e, ErrorInfo.class).isEmpty(), "plain bad input carries no ErrorInfo");
    assertEquals(accounts, server.count("accounts"));
    assertEquals(records, server.count("idempotency_records"));
  }

  @Test
  void malformedIdsAreRefusedBeforeAnyLookup() {
    String main = server.newAccount("Ids Co").getApiKeySecret();
    assertInvalid(
        () -> server.activation(main).getSubUser(GetSubUserRequest.newBuilder().setSubUserId("'; drop table sub_users; --").build()),
        "sub_user_id");
  }

  @Test
  void unspecifiedEnumValuesAreRefused() {
    String main = server.newAccount("Enum Co").getApiKeySecret();
    long before = server.count("sub_users");
    assertInvalid(
        () ->
            server.activation(main)
                .createSubUser(
                    CreateSubUserRequest.newBuilder()
                        .setRequestId(TestServer.requestId())
                        .setDisplayName("x")
                        .addPermissionsValue(0)
                        .build()),
        "permissions[0]");
    assertEquals(before, server.count("sub_users"));
  }
}
