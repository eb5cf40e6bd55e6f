package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertInvalid;
import static io.resourceplans.server.testing.Errors.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.resourceplans.api.v1.GetAccountRequest;
import io.resourceplans.api.v1.GetNotificationSettingsRequest;
import io.resourceplans.api.v1.Language;
import io.resourceplans.api.v1.ListNotificationsRequest;
import io.resourceplans.api.v1.NotificationKind;
import io.resourceplans.api.v1.NotificationPreference;
import io.resourceplans.api.v1.NotificationSettings;
import io.resourceplans.api.v1.NotificationStatus;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.UpdateNotificationSettingsRequest;
import io.resourceplans.server.mapping.Timestamps;
import io.resourceplans.server.testing.AccessFixtures;
import io.resourceplans.server.testing.AlertFixtures;
import io.resourceplans.server.testing.NotificationFixtures;
import io.resourceplans.server.testing.TestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GetNotificationSettings / UpdateNotificationSettings, and what the settings do to the outbox. */
@Tag("citus")
class NotificationSettingsTest {
  @RegisterExtension
  static final TestServer server = TestServer.forClass();

  private static NotificationPreference pref(NotificationKind kind, boolean email, boolean sms) {
    return NotificationPreference.newBuilder().setKind(kind).setEmail(email).setSms(sms).build();
  }

  @Test
  void defaultsThenAReplacementReadBackByEveryKeyOfTheAccount() {
    var account = server.newAccount("Settings Shop");
    String key = account.getApiKeySecret();
    NotificationSettings defaults =
        server.activation(key).getNotificationSettings(GetNotificationSettingsRequest.getDefaultInstance()).getNotificationSettings();
    assertEquals("settings.shop@example.com", defaults.getContactEmail());
    assertEquals("", defaults.getContactPhone());
    assertEquals(Language.LANGUAGE_EN, defaults.getLanguage());
    assertEquals(4, defaults.getPreferencesCount());
    assertTrue(defaults.getPreferencesList().stream().allMatch(p -> p.getEmail() && p.getSms()));
    assertFalse(defaults.hasUpdateTime());

    var request =
        UpdateNotificationSettingsRequest.newBuilder()
            .setRequestId(TestServer.requestId())
            .setContactEmail("billing@settings.example")
            .setContactPhone("+8613800138000")
            .setLanguage(Language.LANGUAGE_ZH_CN)
            .addPreferences(pref(NotificationKind.NOTIFICATION_KIND_ORDER_PAID, false, false))
            .addPreferences(pref(NotificationKind.NOTIFICATION_KIND_EXPIRY_REMINDER, true, false))
            .build();
    NotificationSettings updated = server.activation(key).updateNotificationSettings(request).getNotificationSettings();
    assertEquals("billing@settings.example", updated.getContactEmail());
    assertEquals("+8613800138000", updated.getContactPhone());
    assertEquals(Language.LANGUAGE_ZH_CN, updated.getLanguage());
    assertEquals(
        java.util.List.of(
            pref(NotificationKind.NOTIFICATION_KIND_QUOTA_ALERT, true, true),
            pref(NotificationKind.NOTIFICATION_KIND_EXPIRY_REMINDER, true, false),
            pref(NotificationKind.NOTIFICATION_KIND_SYSTEM, true, true),
            pref(NotificationKind.NOTIFICATION_KIND_ORDER_PAID, false, false)),
        updated.getPreferencesList());
    assertEquals(Timestamps.of(server.clock.instant()), updated.getUpdateTime());
    // Idempotent replay; the account's contacts changed too; a sub-user reads the same.
    assertEquals(updated, server.activation(key).updateNotificationSettings(request).getNotificationSettings());
    var got = server.activation(key).getAccount(GetAccountRequest.getDefaultInstance()).getAccount();
    assertEquals("billing@settings.example", got.getContactEmail());
    assertEquals("+8613800138000", got.getContactPhone());
    String member = AccessFixtures.subUserKey(server, key);
    assertEquals(updated,
        server.activation(member).getNotificationSettings(GetNotificationSettingsRequest.getDefaultInstance()).getNotificationSettings());
    assertRefused(Status.Code.PERMISSION_DENIED, "MAIN_ACCOUNT_ONLY",
        () -> server.activation(member).updateNotificationSettings(request.toBuilder().setRequestId(TestServer.requestId()).build()));
    assertRefused(Status.Code.PERMISSION_DENIED, "ACCOUNT_ONLY",
        () -> server.activation(TestServer.OPERATOR_KEY).getNotificationSettings(GetNotificationSettingsRequest.getDefaultInstance()));
  }

  @Test
  void malformedAddressesNumbersAndKindsAreInvalidArguments() {
    String key = server.newAccount("Strict Shop").getApiKeySecret();
    var base =
        UpdateNotificationSettingsRequest.newBuilder()
            .setContactEmail("ok@strict.example")
            .setLanguage(Language.LANGUAGE_EN);
    assertInvalid(() -> server.activation(key).updateNotificationSettings(
        base.clone().setRequestId(TestServer.requestId()).setContactEmail("not an address").build()), "contact_email");
    assertInvalid(() -> server.activation(key).updateNotificationSettings(
        base.clone().setRequestId(TestServer.requestId()).setContactPhone("12-34").build()), "contact_phone");
    assertInvalid(() -> server.activation(key).updateNotificationSettings(
        base.clone().setRequestId(TestServer.requestId()).setLanguage(Language.LANGUAGE_UNSPECIFIED).build()), "language");
    assertInvalid(() -> server.activation(key).updateNotificationSettings(
        base.clone().setRequestId(TestServer.requestId())
            .addPreferences(pref(NotificationKind.NOTIFICATION_KIND_VERIFICATION_CODE, false, false)).build()));
    assertInvalid(() -> server.activation(key).updateNotificationSettings(
        base.clone().setRequestId(TestServer.requestId())
            .addPreferences(pref(NotificationKind.NOTIFICATION_KIND_SYSTEM, false, false))
            .addPreferences(pref(NotificationKind.NOTIFICATION_KIND_SYSTEM, true, false)).build()),
        "preferences[1].kind");
    // Nothing changed.
    var settings = server.activation(key).getNotificationSettings(GetNotificationSettingsRequest.getDefaultInstance()).getNotificationSettings();
    assertEquals("strict.shop@example.com", settings.getContactEmail());
  }

  @Test
  void aPaymentNotifiesOnTheChannelsAndInTheLanguageChosen() {
    var buyer = AlertFixtures.buyer(server, "Chooser", "");
    String key = buyer.getApiKeySecret();
    String accountId = buyer.getAccount().getAccountId();
    NotificationFixtures.update(server, key, "orders@chooser.example", "+6590001111", Language.LANGUAGE_ZH_CN,
        pref(NotificationKind.NOTIFICATION_KIND_ORDER_PAID, false, true));
    AlertFixtures.buy(server, key, 1000, Purpose.PURPOSE_VERIFICATION_NOTIFICATION);

    var rows = NotificationFixtures.rows(server, accountId);
    assertEquals(java.util.List.of("INTERNAL_MESSAGE", "SMS"),
        rows.stream().filter(r -> r.get("kind").equals("ORDER_PAID")).map(r -> (String) r.get("channel")).sorted().toList());
    var sms = NotificationFixtures.only(rows, "ORDER_PAID", "SMS");
    assertEquals("+6590001111", sms.get("recipient"));
    assertEquals("ZH_CN", sms.get("language"));
    assertTrue(((String) sms.get("body")).startsWith("【资源包】订单 ord-"), (String) sms.get("body"));

    // The default server configures neither SMTP nor SMS: operators see the SMS skipped, why, and the message delivered.
    server.dispatch();
    var skipped = server.operator().listNotifications(ListNotificationsRequest.newBuilder()
        .setAccountId(accountId).setStatus(NotificationStatus.NOTIFICATION_STATUS_SKIPPED).build()).getNotificationsList();
    assertEquals(1, skipped.size());
    assertEquals("channel not configured", skipped.get(0).getLastError());
    assertTrue(skipped.get(0).hasFinishTime());
    var all = server.operator().listNotifications(ListNotificationsRequest.newBuilder().setAccountId(accountId).build());
    assertEquals(2, all.getNotificationsCount());
    assertRefused(Status.Code.PERMISSION_DENIED, "OPERATOR_ONLY",
        () -> server.operator().withCallCredentials(TestServer.bearer(key)).listNotifications(ListNotificationsRequest.getDefaultInstance()));
  }
}
