package io.resourceplans.server;

import static io.resourceplans.server.testing.AlertFixtures.PRODUCT;
import static io.resourceplans.server.testing.AlertFixtures.outbox;
import static io.resourceplans.server.testing.Errors.assertInvalid;
import static io.resourceplans.server.testing.Errors.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.resourceplans.api.v1.AlertSetting;
import io.resourceplans.api.v1.AlertState;
import io.resourceplans.api.v1.ClearAlertThresholdRequest;
import io.resourceplans.api.v1.InternalMessageKind;
import io.resourceplans.api.v1.ListAlertSettingsRequest;
import io.resourceplans.api.v1.ListMessagesRequest;
import io.resourceplans.api.v1.MessageChannel;
import io.resourceplans.api.v1.Permission;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.SetAlertThresholdRequest;
import io.resourceplans.server.mapping.Timestamps;
import io.resourceplans.server.testing.AccessFixtures;
import io.resourceplans.server.testing.AlertFixtures;
import io.resourceplans.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SetAlertThreshold, ClearAlertThreshold and ListAlertSettings over gRPC. */
class AlertSettingsTest {
  private static final List<Purpose> PURPOSES =
      List.of(Purpose.PURPOSE_VERIFICATION_NOTIFICATION, Purpose.PURPOSE_MARKETING, Purpose.PURPOSE_GENERAL);
  @RegisterExtension
  static final TestServer server = TestServer.forClass();

  private static SetAlertThresholdRequest.Builder set(Purpose purpose, long threshold) {
    return SetAlertThresholdRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setProductId(PRODUCT)
        .setPurpose(purpose)
        .setThreshold(threshold);
  }

  private static ClearAlertThresholdRequest clear(Purpose purpose) {
    return ClearAlertThresholdRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setProductId(PRODUCT)
        .setPurpose(purpose)
        .build();
  }

  private static AlertSetting find(List<AlertSetting> settings, String productId, Purpose purpose) {
    return settings.stream()
        .filter(s -> s.getProductId().equals(productId) && s.getPurpose() == purpose)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void everyProductAndPurposeIsListedAndUnsetOnesReadNotSet() {
    var buyer = AlertFixtures.buyer(server, "List Shop", "");
    String key = buyer.getApiKeySecret();
    AlertFixtures.buy(server, key, 1000, Purpose.PURPOSE_VERIFICATION_NOTIFICATION);

    var all = server.plan(key).listAlertSettings(ListAlertSettingsRequest.getDefaultInstance());
    assertEquals("", all.getNextPageToken());
    List<String> order = new ArrayList<>();
    for (AlertSetting s : all.getAlertSettingsList()) {
      order.add(s.getProductId() + "/" + s.getPurpose());
      assertEquals(AlertState.ALERT_STATE_NOT_SET, s.getState());
      assertEquals(0, s.getThreshold());
      assertEquals(0, s.getChannelsCount());
      assertFalse(s.hasLastAlertTime());
      assertFalse(s.hasUpdateTime());
    }
    List<String> expected = new ArrayList<>();
    for (String product : List.of("mail", "sms-domestic", "sms-international")) {
      for (Purpose p : PURPOSES) {
        expected.add(product + "/" + p);
      }
    }
    assertEquals(expected, order);
    assertEquals(1000, find(all.getAlertSettingsList(), PRODUCT, Purpose.PURPOSE_VERIFICATION_NOTIFICATION).getRemainingQuantity());
    assertEquals(0, find(all.getAlertSettingsList(), PRODUCT, Purpose.PURPOSE_MARKETING).getRemainingQuantity());
  }

  @Test
  void setReplaceAndClearRoundTrip() {
    var buyer = AlertFixtures.buyer(server, "Round Trip", "");
    String key = buyer.getApiKeySecret();
    AlertFixtures.buy(server, key, 1000, Purpose.PURPOSE_VERIFICATION_NOTIFICATION);
    Purpose purpose = Purpose.PURPOSE_VERIFICATION_NOTIFICATION;

    var set = server.plan(key).setAlertThreshold(set(purpose, 500).addChannels(MessageChannel.MESSAGE_CHANNEL_EMAIL).build()).getAlertSetting();
    assertEquals(AlertState.ALERT_STATE_ARMED, set.getState());
    assertEquals(500, set.getThreshold());
    assertEquals(List.of(MessageChannel.MESSAGE_CHANNEL_EMAIL), set.getChannelsList());
    assertEquals(1000, set.getRemainingQuantity());
    assertFalse(set.hasLastAlertTime());
    assertEquals(Timestamps.of(server.clock.instant()), set.getUpdateTime());

    var listed =
        server.plan(key).listAlertSettings(ListAlertSettingsRequest.newBuilder().setProductId(PRODUCT).build()).getAlertSettingsList();
    assertEquals(3, listed.size());
    assertEquals(set, find(listed, PRODUCT, purpose));
    assertEquals(AlertState.ALERT_STATE_NOT_SET, find(listed, PRODUCT, Purpose.PURPOSE_MARKETING).getState());

    // Replaced without channels: all three.
    var replaced = server.plan(key).setAlertThreshold(set(purpose, 500).build()).getAlertSetting();
    assertEquals(AlertState.ALERT_STATE_ARMED, replaced.getState());
    assertEquals(
        List.of(MessageChannel.MESSAGE_CHANNEL_EMAIL, MessageChannel.MESSAGE_CHANNEL_SMS, MessageChannel.MESSAGE_CHANNEL_INTERNAL_MESSAGE),
        replaced.getChannelsList());

    var clearRequest = clear(purpose);
    var cleared = server.plan(key).clearAlertThreshold(clearRequest).getAlertSetting();
    assertEquals(AlertState.ALERT_STATE_NOT_SET, cleared.getState());
    assertEquals(0, cleared.getThreshold());
    assertEquals(0, cleared.getChannelsCount());
    assertEquals(1000, cleared.getRemainingQuantity());
    assertEquals(cleared, server.plan(key).clearAlertThreshold(clearRequest).getAlertSetting());
    // Clearing one that is not set succeeds.
    assertEquals(cleared, server.plan(key).clearAlertThreshold(clear(purpose)).getAlertSetting());
    listed = server.plan(key).listAlertSettings(ListAlertSettingsRequest.newBuilder().setProductId(PRODUCT).build()).getAlertSettingsList();
    assertEquals(AlertState.ALERT_STATE_NOT_SET, find(listed, PRODUCT, purpose).getState());
    assertEquals(0, outbox(server, buyer.getAccount().getAccountId(), "QUOTA_ALERT").size());
  }

  @Test
  void aThresholdAlreadyCrossedWhenSetAlertsOnceRightAway() {
    var buyer = AlertFixtures.buyer(server, "Low Shop", "");
    String key = buyer.getApiKeySecret();
    String accountId = buyer.getAccount().getAccountId();
    AlertFixtures.buy(server, key, 1000, Purpose.PURPOSE_MARKETING);

    var request = set(Purpose.PURPOSE_MARKETING, 2000).build();
    var set = server.plan(key).setAlertThreshold(request).getAlertSetting();
    assertEquals(AlertState.ALERT_STATE_TRIGGERED, set.getState());
    assertEquals(Timestamps.of(server.clock.instant()), set.getLastAlertTime());
    assertEquals(1000, set.getRemainingQuantity());

    // Email and internal message; no SMS, the account has no phone.
    List<Map<String, Object>> rows = outbox(server, accountId, "QUOTA_ALERT");
    assertEquals(List.of("EMAIL", "INTERNAL_MESSAGE"), rows.stream().map(r -> r.get("channel")).sorted().toList());
    for (Map<String, Object> row : rows) {
      assertEquals("PENDING", row.get("status"));
      String body = (String) row.get("body");
      assertTrue(body.contains("sms-domestic") && body.contains("marketing") && body.contains("1000") && body.contains("2000"), body);
    }
    assertEquals("low.shop@example.com", rows.stream().filter(r -> r.get("channel").equals("EMAIL")).findFirst().orElseThrow().get("recipient"));
    // Besides the ORDER_PAID message of the purchase.
    var messages = server.plan(key).listMessages(ListMessagesRequest.getDefaultInstance()).getMessagesList().stream()
        .filter(m -> m.getKind() != InternalMessageKind.INTERNAL_MESSAGE_KIND_ORDER_PAID).toList();
    assertEquals(1, messages.size());
    var message = messages.get(0);
    assertEquals(InternalMessageKind.INTERNAL_MESSAGE_KIND_QUOTA_ALERT, message.getKind());
    assertEquals(PRODUCT, message.getProductId());
    assertEquals("", message.getPackageId());
    assertTrue(message.getBody().contains("2000"));

    // The same request again: the first answer, no second alert.
    assertEquals(set, server.plan(key).setAlertThreshold(request).getAlertSetting());
    // The same threshold set anew stays TRIGGERED: no second alert either.
    server.clock.advance(java.time.Duration.ofSeconds(1));
    var again = server.plan(key).setAlertThreshold(set(Purpose.PURPOSE_MARKETING, 2000).build()).getAlertSetting();
    assertEquals(AlertState.ALERT_STATE_TRIGGERED, again.getState());
    assertEquals(set.getLastAlertTime(), again.getLastAlertTime());
    assertEquals(2, outbox(server, accountId, "QUOTA_ALERT").size());

    // A threshold the remaining quantity meets re-arms, silently.
    var lowered = server.plan(key).setAlertThreshold(set(Purpose.PURPOSE_MARKETING, 1000).build()).getAlertSetting();
    assertEquals(AlertState.ALERT_STATE_ARMED, lowered.getState());
    assertEquals(2, outbox(server, accountId, "QUOTA_ALERT").size());
    // A new threshold above it alerts again, once.
    var raised = server.plan(key).setAlertThreshold(set(Purpose.PURPOSE_MARKETING, 1001).build()).getAlertSetting();
    assertEquals(AlertState.ALERT_STATE_TRIGGERED, raised.getState());
    assertEquals(4, outbox(server, accountId, "QUOTA_ALERT").size());
  }

  @Test
  void smsGoesToTheAccountPhoneOnlyOnTheChosenChannels() {
    var buyer = AlertFixtures.buyer(server, "Phone Shop", "+8613800138000");
    String key = buyer.getApiKeySecret();
    var set =
        server.plan(key)
            .setAlertThreshold(set(Purpose.PURPOSE_GENERAL, 1).addChannels(MessageChannel.MESSAGE_CHANNEL_SMS).build())
            .getAlertSetting();
    assertEquals(AlertState.ALERT_STATE_TRIGGERED, set.getState());
    var rows = outbox(server, buyer.getAccount().getAccountId(), "QUOTA_ALERT");
    assertEquals(1, rows.size());
    assertEquals("SMS", rows.get(0).get("channel"));
    assertEquals("+8613800138000", rows.get(0).get("recipient"));
    assertEquals(0, server.plan(key).listMessages(ListMessagesRequest.getDefaultInstance()).getMessagesCount());
  }

  @Test
  void pagesWalkEveryCombinationOnceInOrder() {
    String key = server.newAccount("Pager").getApiKeySecret();
    var whole = server.plan(key).listAlertSettings(ListAlertSettingsRequest.getDefaultInstance()).getAlertSettingsList();
    List<AlertSetting> walked = new ArrayList<>();
    String token = "";
    int pages = 0;
    do {
      var page = server.plan(key).listAlertSettings(ListAlertSettingsRequest.newBuilder().setPageSize(4).setPageToken(token).build());
      walked.addAll(page.getAlertSettingsList());
      token = page.getNextPageToken();
      pages++;
    } while (!token.isEmpty());
    assertEquals(whole, walked);
    assertEquals(3, pages);

    String first = server.plan(key).listAlertSettings(ListAlertSettingsRequest.newBuilder().setPageSize(1).build()).getNextPageToken();
    assertRefused(
        Status.Code.INVALID_ARGUMENT,
        "PAGE_TOKEN_INVALID",
        () -> server.plan(key).listAlertSettings(ListAlertSettingsRequest.newBuilder().setPageSize(1).setProductId(PRODUCT).setPageToken(first).build()));
  }

  @Test
  void refusals() {
    String key = server.newAccount("Refused").getApiKeySecret();
    String noProductAccess = AccessFixtures.subUserKey(server, key, Permission.PERMISSION_ORDER_ACCESS);
    String productAccess = AccessFixtures.subUserKey(server, key, Permission.PERMISSION_PRODUCT_ACCESS);

    assertRefused(Status.Code.NOT_FOUND, "PRODUCT_NOT_FOUND",
        () -> server.plan(key).setAlertThreshold(set(Purpose.PURPOSE_GENERAL, 5).setProductId("no-such-product").build()));
    assertRefused(Status.Code.NOT_FOUND, "PRODUCT_NOT_FOUND",
        () -> server.plan(key).clearAlertThreshold(clear(Purpose.PURPOSE_GENERAL).toBuilder().setProductId("no-such-product").build()));
    assertRefused(Status.Code.NOT_FOUND, "PRODUCT_NOT_FOUND",
        () -> server.plan(key).listAlertSettings(ListAlertSettingsRequest.newBuilder().setProductId("no-such-product").build()));
    assertInvalid(() -> server.plan(key).setAlertThreshold(set(Purpose.PURPOSE_GENERAL, 0).build()), "threshold");
    assertInvalid(
        () -> server.plan(key).setAlertThreshold(
            set(Purpose.PURPOSE_GENERAL, 5).addChannels(MessageChannel.MESSAGE_CHANNEL_SMS).addChannels(MessageChannel.MESSAGE_CHANNEL_SMS).build()),
        "channels");
    assertInvalid(() -> server.plan(key).setAlertThreshold(set(Purpose.PURPOSE_UNSPECIFIED, 5).build()), "purpose");
    assertRefused(Status.Code.PERMISSION_DENIED, "PERMISSION_MISSING",
        () -> server.plan(noProductAccess).setAlertThreshold(set(Purpose.PURPOSE_GENERAL, 5).build()));
    assertRefused(Status.Code.PERMISSION_DENIED, "PERMISSION_MISSING",
        () -> server.plan(noProductAccess).listAlertSettings(ListAlertSettingsRequest.getDefaultInstance()));
    assertRefused(Status.Code.PERMISSION_DENIED, "ACCOUNT_ONLY",
        () -> server.plan(TestServer.OPERATOR_KEY).setAlertThreshold(set(Purpose.PURPOSE_GENERAL, 5).build()));
    // A request ID reused for other content.
    var request = set(Purpose.PURPOSE_GENERAL, 5).build();
    server.plan(productAccess).setAlertThreshold(request);
    assertRefused(Status.Code.INVALID_ARGUMENT, "IDEMPOTENCY_KEY_REUSED",
        () -> server.plan(key).setAlertThreshold(request.toBuilder().setThreshold(6).build()));

    // Nothing refused changed anything: one setting (by the sub-user), threshold 5.
    var listed = server.plan(key).listAlertSettings(ListAlertSettingsRequest.newBuilder().setProductId(PRODUCT).build()).getAlertSettingsList();
    assertEquals(1, listed.stream().filter(s -> s.getState() != AlertState.ALERT_STATE_NOT_SET).count());
    assertEquals(5, find(listed, PRODUCT, Purpose.PURPOSE_GENERAL).getThreshold());
  }

  @Test
  void aThresholdSetWhileAUsageIsInFlightCountsThatUsage() throws Exception {
    var buyer = AlertFixtures.buyer(server, "In Flight", "");
    String key = buyer.getApiKeySecret();
    String pkg = AlertFixtures.buy(server, key, 100, Purpose.PURPOSE_MARKETING).getPackageId();
    var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    try (var usage = server.jdbi().open()) {
      // A usage that has deducted 60 and already found no setting to evaluate, not yet committed.
      usage.begin();
      // rp_deduct: the usage path's own deduction (package, exhausted marker, package total).
      usage.createQuery("select rp_deduct(account_id, package_id, 60) from packages where package_id = :p")
          .bind("p", pkg)
          .mapTo(String.class)
          .one();
      var setting = pool.submit(() -> server.plan(key).setAlertThreshold(set(Purpose.PURPOSE_MARKETING, 50).build()));
      awaitALockWait();
      usage.commit();
      // 40 left, below 50: the new setting sees the usage's deduction and alerts at once.
      assertEquals(AlertState.ALERT_STATE_TRIGGERED, setting.get().getAlertSetting().getState());
    } finally {
      pool.shutdown();
    }
  }

  /** Until a session of the test database waits for a row lock (fails after 10 s). */
  private static void awaitALockWait() throws InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      long waiting =
          server.jdbi().withHandle(h -> h.createQuery(
                  "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'")
              .mapTo(Long.class).one());
      if (waiting > 0) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("SetAlertThreshold did not wait for the usage in flight");
  }
}
