package io.resourceplans.server.testing;

import io.resourceplans.api.v1.Language;
import io.resourceplans.api.v1.NotificationPreference;
import io.resourceplans.api.v1.NotificationSettings;
import io.resourceplans.api.v1.UpdateNotificationSettingsRequest;
import java.util.List;
import java.util.Map;

/** Notification settings through the API, and the outbox as SQL sees it. */
public final class NotificationFixtures {
  private NotificationFixtures() {}

  public static NotificationSettings update(
      TestServer server, String key, String email, String phone, Language language, NotificationPreference... preferences) {
    return server.activation(key)
        .updateNotificationSettings(
            UpdateNotificationSettingsRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setContactEmail(email)
                .setContactPhone(phone)
                .setLanguage(language)
                .addAllPreferences(List.of(preferences))
                .build())
        .getNotificationSettings();
  }

  /** Every outbox row of the account, oldest first, with its delivery columns. */
  public static List<Map<String, Object>> rows(TestServer server, String accountId) {
    return server.jdbi()
        .withHandle(
            h -> h.createQuery("""
                    select notification_id, kind, channel, recipient, subject, body, html_body, language, status,
                           attempts, next_attempt_time, lease_owner, lease_until, last_error, finish_time
                      from notification_outbox where account_id = :a order by create_time, notification_id
                    """)
                .bind("a", accountId)
                .mapToMap()
                .list());
  }

  public static Map<String, Object> only(List<Map<String, Object>> rows, String kind, String channel) {
    var match = rows.stream().filter(r -> kind.equals(r.get("kind")) && channel.equals(r.get("channel"))).toList();
    if (match.size() != 1) {
      throw new AssertionError("expected one " + kind + "/" + channel + " row, got " + match);
    }
    return match.get(0);
  }
}
