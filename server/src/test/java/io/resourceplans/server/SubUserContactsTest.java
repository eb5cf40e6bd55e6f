package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertInvalid;
import static io.resourceplans.server.testing.Errors.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import io.resourceplans.api.v1.CreateApiKeyRequest;
import io.resourceplans.api.v1.CreateSubUserRequest;
import io.resourceplans.api.v1.GetSubUserRequest;
import io.resourceplans.api.v1.Permission;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.SubUser;
import io.resourceplans.api.v1.UpdateSubUserContactsRequest;
import io.resourceplans.server.testing.AlertFixtures;
import io.resourceplans.server.testing.TestServer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sub-users' own contacts, and the notification copies their permissions entitle them to. */
class SubUserContactsTest {
  @RegisterExtension
  static final TestServer server = TestServer.forClass();

  private static SubUser subUser(String key, String name, Permission... permissions) {
    return server.activation(key)
        .createSubUser(
            CreateSubUserRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setDisplayName(name)
                .addAllPermissions(List.of(permissions))
                .build())
        .getSubUser();
  }

  private static UpdateSubUserContactsRequest.Builder contacts(String subUserId, String email, String phone) {
    return UpdateSubUserContactsRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setSubUserId(subUserId)
        .setContactEmail(email)
        .setContactPhone(phone);
  }

  /** Recipients of the account's outbox rows of one kind and channel. */
  private static Set<String> recipients(String accountId, String kind, String channel) {
    return Set.copyOf(
        server.jdbi().withHandle(h -> h.createQuery("""
                select recipient from notification_outbox
                 where account_id = :a and kind = :k and channel = :c
                """)
            .bind("a", accountId).bind("k", kind).bind("c", channel)
            .mapTo(String.class).list()));
  }

  @Test
  void contactsAreSetReadAndValidated() {
    String key = AlertFixtures.buyer(server, "Contact Book", "").getApiKeySecret();
    SubUser ops = subUser(key, "ops", Permission.PERMISSION_PRODUCT_ACCESS);
    var updated =
        server.activation(key)
            .updateSubUserContacts(contacts(ops.getSubUserId(), "ops@contact-book.example", "+6581230000").build())
            .getSubUser();
    assertEquals("ops@contact-book.example", updated.getContactEmail());
    assertEquals("+6581230000", updated.getContactPhone());
    assertEquals(
        updated,
        server.activation(key).getSubUser(GetSubUserRequest.newBuilder().setSubUserId(ops.getSubUserId()).build()).getSubUser());

    assertInvalid(
        () -> server.activation(key).updateSubUserContacts(contacts(ops.getSubUserId(), "not-an-address", "").build()),
        "contact_email");
    assertInvalid(
        () -> server.activation(key).updateSubUserContacts(contacts(ops.getSubUserId(), "", "12-34").build()),
        "contact_phone");
    assertRefused(
        Status.Code.NOT_FOUND,
        "SUB_USER_NOT_FOUND",
        () -> server.activation(key).updateSubUserContacts(contacts("usr-0000000000000000", "", "").build()));
    // Refusals changed nothing.
    assertEquals(
        updated,
        server.activation(key).getSubUser(GetSubUserRequest.newBuilder().setSubUserId(ops.getSubUserId()).build()).getSubUser());

    String subKey =
        server.activation(key)
            .createApiKey(
                CreateApiKeyRequest.newBuilder()
                    .setRequestId(TestServer.requestId())
                    .setSubUserId(ops.getSubUserId())
                    .setDisplayName("ops key")
                    .build())
            .getSecret();
    assertRefused(
        Status.Code.PERMISSION_DENIED,
        "MAIN_ACCOUNT_ONLY",
        () -> server.activation(subKey).updateSubUserContacts(contacts(ops.getSubUserId(), "", "").build()));
  }

  @Test
  void subUsersGetCopiesOfWhatTheirPermissionsCover() {
    var account = AlertFixtures.buyer(server, "Copy Shop", "");
    String key = account.getApiKeySecret();
    String accountId = account.getAccount().getAccountId();
    SubUser product = subUser(key, "product", Permission.PERMISSION_PRODUCT_ACCESS);
    SubUser orders = subUser(key, "orders", Permission.PERMISSION_ORDER_ACCESS);
    SubUser silent = subUser(key, "silent", Permission.PERMISSION_PRODUCT_ACCESS);
    server.activation(key).updateSubUserContacts(contacts(product.getSubUserId(), "product@copy.example", "+6581230001").build());
    server.activation(key).updateSubUserContacts(contacts(orders.getSubUserId(), "orders@copy.example", "").build());

    // Paying an order: the account and the sub-user with order access.
    AlertFixtures.buy(server, key, 100, Purpose.PURPOSE_MARKETING);
    assertEquals(Set.of("copy.shop@example.com", "orders@copy.example"), recipients(accountId, "ORDER_PAID", "EMAIL"));

    // A quota alert: the account and the sub-user with product access, by email and by SMS (the
    // account itself has no phone).
    AlertFixtures.setThreshold(server, key, Purpose.PURPOSE_MARKETING, 500);
    assertEquals(Set.of("copy.shop@example.com", "product@copy.example"), recipients(accountId, "QUOTA_ALERT", "EMAIL"));
    assertEquals(Set.of("+6581230001"), recipients(accountId, "QUOTA_ALERT", "SMS"));
    assertEquals(1, AlertFixtures.unread(server, key), "one internal message, for the account");
    assertEquals("", silent.getContactEmail());
  }
}
