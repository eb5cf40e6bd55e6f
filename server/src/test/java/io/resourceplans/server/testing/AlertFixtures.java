package io.resourceplans.server.testing;

import io.resourceplans.api.v1.CreateAccountRequest;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.ListMessagesRequest;
import io.resourceplans.api.v1.Package;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.SetAlertThresholdRequest;
import io.resourceplans.api.v1.AlertSetting;
import io.resourceplans.domain.common.Times;
import io.resourceplans.server.mapping.PurposeMapper;
import java.util.List;
import java.util.Map;

/** Set-up and look-ups of alert, message and reminder tests. */
public final class AlertFixtures {
  public static final String PRODUCT = "sms-domestic";
  public static final String CUSTOM_SPEC = "sms-domestic-custom";
  public static final String REGION = "cn-hangzhou";

  private AlertFixtures() {}

  /** A verified, funded account; {@code phone} may be empty (then it gets no SMS). */
  public static CreateAccountResponse buyer(TestServer server, String name, String phone) {
    var account =
        server.operator()
            .createAccount(
                CreateAccountRequest.newBuilder()
                    .setRequestId(TestServer.requestId())
                    .setDisplayName(name)
                    .setContactEmail(name.toLowerCase().replace(' ', '.') + "@example.com")
                    .setContactPhone(phone)
                    .build());
    Buyers.verify(server, account);
    Buyers.fund(server, account, "1000.00", null);
    return account;
  }

  /** Buys one custom domestic SMS package of {@code quantity} messages (12 months) through the API. */
  public static Package buy(TestServer server, String key, long quantity, Purpose purpose) {
    return Buyers.buy(server, key, CUSTOM_SPEC, quantity, purpose, REGION).getPackages(0);
  }

  public static AlertSetting setThreshold(TestServer server, String key, Purpose purpose, long threshold) {
    return server.plan(key)
        .setAlertThreshold(
            SetAlertThresholdRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setProductId(PRODUCT)
                .setPurpose(purpose)
                .setThreshold(threshold)
                .build())
        .getAlertSetting();
  }

  /**
   * Sets a package's remaining quantity with SQL, to put it at an exact value around a threshold
   * without going through RecordUsage.
   */
  public static void setRemaining(TestServer server, String accountId, String packageId, long remaining) {
    int updated =
        server.jdbi().withHandle(h ->
            h.createUpdate("""
                    update packages set remaining_quantity = :r, exhausted = (:r = 0)
                     where account_id = :a and package_id = :p
                    """)
                .bind("r", remaining).bind("a", accountId).bind("p", packageId).execute());
    // Written by hand: the account's package totals (V21) made again, as after any data fix.
    server.jdbi().useHandle(h ->
        h.createQuery("select rp_rebuild_package_totals(:a)").bind("a", accountId).mapTo(String.class).one());
    if (updated != 1) {
      throw new IllegalStateException("no package " + packageId);
    }
  }

  /** Runs the alert crossing rule in a transaction of its own, as the usage path does in its. */
  public static void evaluate(TestServer server, String accountId, Purpose purpose) {
    var component = server.component();
    component.transactor().inTransaction(tx -> {
      component.alerts().evaluate(tx, accountId, PRODUCT, PurposeMapper.toDomain(purpose, "purpose"), Times.now(server.clock));
      return null;
    });
  }

  /** The account's outbox rows of a kind, oldest first: channel, recipient, subject, body, dedupe_key... */
  public static List<Map<String, Object>> outbox(TestServer server, String accountId, String kind) {
    return server.jdbi().withHandle(h ->
        h.createQuery("""
                select channel, recipient, subject, body, product_id, package_id, message_id, status, dedupe_key
                  from notification_outbox where account_id = :a and kind = :k
                 order by create_time, dedupe_key
                """)
            .bind("a", accountId).bind("k", kind).mapToMap().list());
  }

  /** Unread quota-alert messages (buying also leaves ORDER_PAID messages, not counted here). */
  public static long unread(TestServer server, String key) {
    return server.plan(key).listMessages(ListMessagesRequest.newBuilder().setUnreadOnly(true).setPageSize(100).build())
        .getMessagesList().stream()
        .filter(m -> m.getKind() == io.resourceplans.api.v1.InternalMessageKind.INTERNAL_MESSAGE_KIND_QUOTA_ALERT)
        .count();
  }
}
