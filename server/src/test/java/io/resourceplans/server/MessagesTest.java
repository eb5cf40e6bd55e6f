package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.grpc.Status;
import io.resourceplans.api.v1.InternalMessage;
import io.resourceplans.api.v1.ListMessagesRequest;
import io.resourceplans.api.v1.MarkMessageReadRequest;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.SetAlertThresholdRequest;
import io.resourceplans.server.mapping.Timestamps;
import io.resourceplans.server.testing.AccessFixtures;
import io.resourceplans.server.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ListMessages and MarkMessageRead. Messages come from alerts set above a remaining quantity of 0. */
@Tag("citus")
class MessagesTest {
  @RegisterExtension
  static final TestServer server = TestServer.forClass();

  /** One quota-alert message per product and purpose alerted, a second apart; newest first. */
  private static List<String> alertMessages(String key, int count) {
    List<String> ids = new ArrayList<>();
    outer:
    for (String product : List.of("mail", "sms-domestic", "sms-international")) {
      for (Purpose purpose : List.of(Purpose.PURPOSE_VERIFICATION_NOTIFICATION, Purpose.PURPOSE_MARKETING, Purpose.PURPOSE_GENERAL)) {
        if (ids.size() == count) {
          break outer;
        }
        server.clock.advance(Duration.ofSeconds(1));
        server.plan(key)
            .setAlertThreshold(
                SetAlertThresholdRequest.newBuilder()
                    .setRequestId(TestServer.requestId())
                    .setProductId(product)
                    .setPurpose(purpose)
                    .setThreshold(1)
                    .build());
        var newest = server.plan(key).listMessages(ListMessagesRequest.newBuilder().setPageSize(1).build()).getMessages(0);
        ids.add(0, newest.getMessageId());
      }
    }
    return ids;
  }

  private static MarkMessageReadRequest markRead(String messageId) {
    return MarkMessageReadRequest.newBuilder().setRequestId(TestServer.requestId()).setMessageId(messageId).build();
  }

  @Test
  void newestFirstInPagesWithTheUnreadCount() {
    String key = server.newAccount("Reader").getApiKeySecret();
    List<String> ids = alertMessages(key, 5);

    List<String> walked = new ArrayList<>();
    String token = "";
    do {
      var page = server.plan(key).listMessages(ListMessagesRequest.newBuilder().setPageSize(2).setPageToken(token).build());
      assertEquals(5, page.getUnreadCount());
      page.getMessagesList().forEach(m -> walked.add(m.getMessageId()));
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    assertEquals(ids, walked);
  }

  @Test
  void markingReadIsIdempotentAndKeepsTheFirstReadTime() {
    String key = server.newAccount("Marker").getApiKeySecret();
    List<String> ids = alertMessages(key, 3);
    String target = ids.get(1);

    server.clock.advance(Duration.ofMinutes(5));
    var request = markRead(target);
    InternalMessage read = server.plan(key).markMessageRead(request).getMessage();
    assertEquals(target, read.getMessageId());
    assertEquals(Timestamps.of(server.clock.instant()), read.getReadTime());
    assertEquals(read, server.plan(key).markMessageRead(request).getMessage());

    // Marked again later with a new request: unchanged.
    server.clock.advance(Duration.ofMinutes(5));
    assertEquals(read, server.plan(key).markMessageRead(markRead(target)).getMessage());

    var all = server.plan(key).listMessages(ListMessagesRequest.getDefaultInstance());
    assertEquals(2, all.getUnreadCount());
    assertEquals(3, all.getMessagesCount());
    assertEquals(read, all.getMessages(1));
    var unread = server.plan(key).listMessages(ListMessagesRequest.newBuilder().setUnreadOnly(true).build());
    assertEquals(List.of(ids.get(0), ids.get(2)), unread.getMessagesList().stream().map(InternalMessage::getMessageId).toList());
    assertEquals(2, unread.getUnreadCount());
    unread.getMessagesList().forEach(m -> assertFalse(m.hasReadTime()));
  }

  @Test
  void subUsersWithoutPermissionsReadTheAccountsMessages() {
    String key = server.newAccount("Team").getApiKeySecret();
    List<String> ids = alertMessages(key, 2);
    String member = AccessFixtures.subUserKey(server, key);
    assertEquals(2, server.plan(member).listMessages(ListMessagesRequest.getDefaultInstance()).getMessagesCount());
    server.plan(member).markMessageRead(markRead(ids.get(0)));
    assertEquals(1, server.plan(key).listMessages(ListMessagesRequest.getDefaultInstance()).getUnreadCount());
  }

  @Test
  void anotherTenantsMessageIsNotFoundAndUntouched() {
    String owner = server.newAccount("Owner").getApiKeySecret();
    String other = server.newAccount("Other").getApiKeySecret();
    String id = alertMessages(owner, 1).get(0);

    var otherList = server.plan(other).listMessages(ListMessagesRequest.getDefaultInstance());
    assertEquals(0, otherList.getMessagesCount());
    assertEquals(0, otherList.getUnreadCount());
    assertRefused(Status.Code.NOT_FOUND, "MESSAGE_NOT_FOUND", () -> server.plan(other).markMessageRead(markRead(id)));
    assertEquals(1, server.plan(owner).listMessages(ListMessagesRequest.getDefaultInstance()).getUnreadCount());
    assertRefused(Status.Code.NOT_FOUND, "MESSAGE_NOT_FOUND", () -> server.plan(owner).markMessageRead(markRead("msg-0000000000000000")));
    assertRefused(Status.Code.PERMISSION_DENIED, "ACCOUNT_ONLY",
        () -> server.plan(TestServer.OPERATOR_KEY).listMessages(ListMessagesRequest.getDefaultInstance()));
  }
}
