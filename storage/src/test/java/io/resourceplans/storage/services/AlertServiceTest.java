package io.resourceplans.storage.services;

import static io.resourceplans.storage.services.ServiceFixtures.SMS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.resourceplans.domain.alert.AlertSettingView;
import io.resourceplans.domain.alert.AlertState;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.notification.Channel;
import io.resourceplans.domain.notification.Delivery;
import io.resourceplans.domain.notification.NotificationKind;
import io.resourceplans.domain.notification.NotificationOutbox;
import io.resourceplans.storage.services.ServiceFixtures.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * AlertService's crossing rule on the real database, without the server. The remaining quantity
 * moves as it does in production: down by UsageService, up by paying an order (OrderService
 * evaluates after issuing packages). Usage runs the rule twice over: the one-call path checks it in
 * SQL and leaves the request to the full path only when an alert changes state; the full path runs
 * AlertService.evaluate. Crossings by usage are tested on both.
 */
class AlertServiceTest {
  private static final Purpose VERIFICATION = Purpose.VERIFICATION_NOTIFICATION;
  private static final Purpose MARKETING = Purpose.MARKETING;
  private static final Purpose GENERAL = Purpose.GENERAL;

  @RegisterExtension static final ServiceFixtures f = ServiceFixtures.start();

  private static AlertSettingView setThreshold(Principal buyer, Purpose purpose, long threshold, Set<Channel> channels) {
    return f.tx(tx -> f.alerts.set(tx, buyer, SMS, purpose, threshold, channels));
  }

  private static AlertSettingView setThreshold(Principal buyer, Purpose purpose, long threshold) {
    return setThreshold(buyer, purpose, threshold, Set.of());
  }

  private static AlertState state(Principal buyer, Purpose purpose) {
    return f.alertSetting(buyer, purpose).state();
  }

  /** A funded buyer with its own account. */
  private static Principal buyer(String name) {
    Principal buyer = f.newAccount(name);
    f.fund(buyer, "1000.00", null);
    return buyer;
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void usageDroppingBelowTheThresholdAlertsOnceAndNotAgainWhileTriggered(Path path) {
    Principal buyer = buyer("Crossing Shop " + path);
    f.buy(buyer, 1_000, VERIFICATION);
    assertEquals(AlertState.ARMED, setThreshold(buyer, VERIFICATION, 500).state());

    f.use(path, buyer, VERIFICATION, 500); // 500 left: at the threshold is not below it
    assertEquals(AlertState.ARMED, state(buyer, VERIFICATION));
    assertEquals(List.of(), f.quotaAlerts(buyer));

    f.clock.advance(Duration.ofMinutes(1));
    Instant crossing = f.clock.instant();
    f.use(path, buyer, VERIFICATION, 1); // 499
    AlertSettingView triggered = f.alertSetting(buyer, VERIFICATION);
    assertEquals(AlertState.TRIGGERED, triggered.state());
    assertEquals(499, triggered.remaining());
    assertEquals(crossing, triggered.lastAlertTime());
    List<String> alerts = f.quotaAlerts(buyer);
    assertEquals(1, alerts.size());
    assertTrue(alerts.get(0).contains("499") && alerts.get(0).contains("500"), alerts.get(0));

    // Further drops, and evaluating again with nothing changed, stay silent.
    f.use(path, buyer, VERIFICATION, 100);
    f.tx(tx -> {
      f.alerts.evaluate(tx, buyer.accountId(), SMS, VERIFICATION, f.clock.instant());
      return null;
    });
    assertEquals(1, f.quotaAlerts(buyer).size());
    assertEquals(AlertState.TRIGGERED, state(buyer, VERIFICATION));
  }

  @Test
  void aPurchaseThatLiftsRemainingBackToTheThresholdReArmsSilentlyAndTheNextCrossingAlertsAgain() {
    Principal buyer = buyer("Re-arming Shop");
    f.buy(buyer, 1_000, VERIFICATION);
    setThreshold(buyer, VERIFICATION, 500);
    f.use(buyer, VERIFICATION, 600); // 400 left
    AlertSettingView triggered = f.alertSetting(buyer, VERIFICATION);
    assertEquals(AlertState.TRIGGERED, triggered.state());

    f.clock.advance(Duration.ofMinutes(1));
    f.buy(buyer, 100, VERIFICATION); // 500 left: back at the threshold
    AlertSettingView rearmed = f.alertSetting(buyer, VERIFICATION);
    assertEquals(AlertState.ARMED, rearmed.state());
    assertEquals(500, rearmed.remaining());
    assertEquals(triggered.lastAlertTime(), rearmed.lastAlertTime(), "re-arming is no alert");
    assertEquals(1, f.quotaAlerts(buyer).size());

    f.use(buyer, VERIFICATION, 1);
    assertEquals(AlertState.TRIGGERED, state(buyer, VERIFICATION));
    assertEquals(2, f.quotaAlerts(buyer).size());
  }

  @Test
  void eachPurposeHasItsOwnThresholdAndQuota() {
    Principal buyer = buyer("Two Purpose Shop");
    f.buy(buyer, 1_000, VERIFICATION);
    f.buy(buyer, 1_000, MARKETING);
    setThreshold(buyer, VERIFICATION, 500);
    setThreshold(buyer, MARKETING, 500);

    f.use(buyer, VERIFICATION, 600);
    assertEquals(List.of(AlertState.TRIGGERED, AlertState.ARMED),
        List.of(state(buyer, VERIFICATION), state(buyer, MARKETING)));
    assertEquals(1, f.quotaAlerts(buyer).size());

    // Marketing quota does not lift the verification quantity: still triggered.
    f.buy(buyer, 1_000, MARKETING);
    assertEquals(AlertState.TRIGGERED, state(buyer, VERIFICATION));
    f.use(buyer, MARKETING, 1_400); // 600 marketing left
    assertEquals(AlertState.ARMED, state(buyer, MARKETING));
    assertEquals(1, f.quotaAlerts(buyer).size());
    f.use(buyer, MARKETING, 101);
    assertEquals(AlertState.TRIGGERED, state(buyer, MARKETING));
    assertEquals(2, f.quotaAlerts(buyer).size());
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void usageSpillingIntoGeneralQuotaAlertsOnEveryPurposeItDrewFrom(Path path) {
    Principal buyer = buyer("Spilling Shop " + path);
    f.buy(buyer, 100, VERIFICATION);
    f.buyGeneral(buyer);
    setThreshold(buyer, VERIFICATION, 50);
    setThreshold(buyer, GENERAL, 80);

    f.use(path, buyer, VERIFICATION, 130); // verification 0, general 70
    assertEquals(List.of(AlertState.TRIGGERED, AlertState.TRIGGERED),
        List.of(state(buyer, VERIFICATION), state(buyer, GENERAL)));
    assertEquals(List.of(0L, 70L),
        List.of(f.alertSetting(buyer, VERIFICATION).remaining(), f.alertSetting(buyer, GENERAL).remaining()));
    assertEquals(2, f.quotaAlerts(buyer).size());
  }

  @Test
  void aThresholdSetAboveWhatRemainsAlertsAtOnceAndSettingItAgainDoesNot() {
    Principal buyer = buyer("Late Setter");
    f.buy(buyer, 100, VERIFICATION);
    AlertSettingView set = setThreshold(buyer, VERIFICATION, 500);
    assertEquals(AlertState.TRIGGERED, set.state());
    assertNotNull(set.lastAlertTime());
    assertEquals(1, f.quotaAlerts(buyer).size());

    assertEquals(AlertState.TRIGGERED, setThreshold(buyer, VERIFICATION, 500).state());
    assertEquals(1, f.quotaAlerts(buyer).size(), "the same threshold keeps its state");

    // Another threshold starts armed, and 100 is below it too: one more alert.
    assertEquals(AlertState.TRIGGERED, setThreshold(buyer, VERIFICATION, 400).state());
    assertEquals(2, f.quotaAlerts(buyer).size());
  }

  @Test
  void withoutAThresholdNothingIsQueued() {
    Principal buyer = buyer("Quiet Shop");
    f.buy(buyer, 1_000, VERIFICATION);
    setThreshold(buyer, VERIFICATION, 500);
    f.tx(tx -> f.alerts.clear(tx, buyer, SMS, VERIFICATION));
    f.use(buyer, VERIFICATION, 1_000);
    assertEquals(AlertState.NOT_SET, state(buyer, VERIFICATION));
    assertEquals(List.of(), f.quotaAlerts(buyer));
  }

  @Test
  void anExpiredPackageNoLongerCountsTowardsTheRemainingQuantity() {
    Principal buyer = buyer("Expiring Shop");
    Instant firstExpiry =
        f.buy(buyer, ServiceFixtures.CUSTOM, 1_000, VERIFICATION).packages().get(0).expireTime();
    f.clock.advance(Duration.ofDays(30));
    f.buy(buyer, 300, VERIFICATION);
    setThreshold(buyer, VERIFICATION, 500);
    assertEquals(AlertState.ARMED, state(buyer, VERIFICATION));

    f.clock.advance(Duration.between(f.clock.instant(), firstExpiry).plusHours(1));
    f.tx(tx -> {
      f.alerts.evaluate(tx, buyer.accountId(), SMS, VERIFICATION, f.clock.instant());
      return null;
    });
    AlertSettingView afterExpiry = f.alertSetting(buyer, VERIFICATION);
    assertEquals(300, afterExpiry.remaining());
    assertEquals(AlertState.TRIGGERED, afterExpiry.state());
    assertEquals(1, f.quotaAlerts(buyer).size());
  }

  @Test
  void anAlertGoesOnlyToTheChosenChannels() {
    Principal buyer = buyer("Inbox Only Shop");
    f.buy(buyer, 100, VERIFICATION);
    setThreshold(buyer, VERIFICATION, 500, Set.of(Channel.INTERNAL_MESSAGE));
    List<Channel> channels = f.tx(tx -> tx.get(NotificationOutbox.class)
        .list(buyer.accountId(), null, PageRequest.first(100, "outbox")).items().stream()
        .filter(d -> d.kind() == NotificationKind.QUOTA_ALERT)
        .map(Delivery::channel)
        .toList());
    // The account has an email address; the alert still goes to its inbox only.
    assertEquals(List.of(Channel.INTERNAL_MESSAGE), channels);
  }
}
