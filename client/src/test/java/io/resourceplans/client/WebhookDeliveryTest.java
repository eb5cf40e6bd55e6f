package io.resourceplans.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.CreateWebhookEndpointRequest;
import io.resourceplans.api.v1.CreateWebhookEndpointResponse;
import io.resourceplans.api.v1.DeleteWebhookEndpointRequest;
import io.resourceplans.api.v1.ListWebhookDeliveriesRequest;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.RetryWebhookDeliveryRequest;
import io.resourceplans.api.v1.RotateWebhookSecretRequest;
import io.resourceplans.api.v1.WebhookDelivery;
import io.resourceplans.api.v1.WebhookDeliveryStatus;
import io.resourceplans.api.v1.WebhookEventKind;
import io.resourceplans.domain.notification.DispatchSettings;
import io.resourceplans.domain.webhook.WebhookSettings;
import io.resourceplans.server.mapping.Timestamps;
import io.resourceplans.server.notify.DeliverySettings;
import io.resourceplans.server.notify.SmsSettings;
import io.resourceplans.server.notify.SmtpSettings;
import io.resourceplans.server.testing.AlertFixtures;
import io.resourceplans.server.testing.TestServer;
import io.resourceplans.server.testing.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Webhooks end to end: endpoints registered over gRPC on a server with PostgreSQL, events written
 * by real causes (a paid order, a crossed alert, an expiry reminder), delivered by the dispatcher
 * (run by the test at the server's injected clock) to a receiver on loopback, whose requests this
 * module's {@link WebhookSignatureVerifier} checks as the docs say a receiver should.
 */
class WebhookDeliveryTest {
  @RegisterExtension static final TestServer server = newServer();

  private WebhookReceiver receiver;

  private static TestServer newServer() {
    try {
      return new TestServer(new DeliverySettings(DispatchSettings.defaults(), SmtpSettings.none(), SmsSettings.none(),
          WebhookSettings.defaults().withAllowPrivateUrls(true)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = new WebhookReceiver();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  private record Hooked(CreateAccountResponse account, String endpointId, String secret) {
    String key() {
      return account.getApiKeySecret();
    }
  }

  private Hooked hookedBuyer(String name, WebhookEventKind... kinds) {
    CreateAccountResponse account = AlertFixtures.buyer(server, name, "");
    CreateWebhookEndpointResponse created = server.activation(account.getApiKeySecret()).createWebhookEndpoint(
        CreateWebhookEndpointRequest.newBuilder().setRequestId(TestServer.requestId()).setUrl(receiver.url())
            .addAllEventKinds(List.of(kinds)).build());
    return new Hooked(account, created.getWebhookEndpoint().getWebhookEndpointId(), created.getSecret());
  }

  private static List<WebhookDelivery> deliveries(Hooked h) {
    return server.activation(h.key()).listWebhookDeliveries(ListWebhookDeliveriesRequest.getDefaultInstance())
        .getWebhookDeliveriesList();
  }

  private static WebhookDelivery only(Hooked h) {
    List<WebhookDelivery> all = deliveries(h);
    assertEquals(1, all.size(), () -> "deliveries: " + all);
    return all.get(0);
  }

  private static WebhookSignatureVerifier verifier(String... secrets) {
    return new WebhookSignatureVerifier(List.of(secrets), WebhookSignatureVerifier.DEFAULT_TOLERANCE, server.clock);
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
    assertTrue(m.find(), () -> name + " not in " + json);
    return m.group(1);
  }

  @Test
  void aPaidOrderIsDeliveredSignedAndTheVerifierAcceptsItButNotATamperedBodyOrAnOldTimestamp() throws Exception {
    Hooked h = hookedBuyer("Hook Paid", WebhookEventKind.WEBHOOK_EVENT_KIND_ORDER_PAID);
    var pkg = AlertFixtures.buy(server, h.key(), 1000, Purpose.PURPOSE_MARKETING);
    WebhookDelivery pending = only(h);
    assertEquals(WebhookDeliveryStatus.WEBHOOK_DELIVERY_STATUS_PENDING, pending.getStatus());
    assertEquals(WebhookEventKind.WEBHOOK_EVENT_KIND_ORDER_PAID, pending.getEventKind());

    server.dispatchWebhooks();

    assertEquals(1, receiver.received().size());
    WebhookReceiver.Received got = receiver.received().get(0);
    String body = got.bodyText();
    assertEquals(pending.getPayload(), body);
    assertEquals("order.paid", field(body, "kind"));
    assertEquals(pending.getEventId(), field(body, "id"));
    assertEquals(pending.getEventId(), got.header("Resource-Plans-Event-Id"));
    assertEquals(pending.getWebhookDeliveryId(), got.header("Resource-Plans-Delivery-Id"));
    assertEquals(h.account().getAccount().getAccountId(), field(body, "accountId"));
    assertTrue(body.contains("\"packageIds\":[\"" + pkg.getPackageId() + "\"]"), body);
    assertTrue(got.header("Content-Type").startsWith("application/json"));
    String header = got.header(WebhookSignatureVerifier.HEADER);
    assertTrue(header.matches("t=" + server.clock.instant().getEpochSecond() + ",v1=[0-9a-f]{64}"), header);

    verifier(h.secret()).verify(header, got.body());
    byte[] tampered = body.replace("order.paid", "order.pain").getBytes(StandardCharsets.UTF_8);
    assertThrows(WebhookSignatureVerifier.SignatureException.class, () -> verifier(h.secret()).verify(header, tampered));
    assertThrows(WebhookSignatureVerifier.SignatureException.class,
        () -> verifier("whsec_not-the-secret").verify(header, got.body()));
    WebhookSignatureVerifier later = new WebhookSignatureVerifier(List.of(h.secret()), Duration.ofMinutes(5),
        java.time.Clock.fixed(server.clock.instant().plusSeconds(301), java.time.ZoneOffset.UTC));
    assertThrows(WebhookSignatureVerifier.SignatureException.class, () -> later.verify(header, got.body()));

    WebhookDelivery delivered = only(h);
    assertEquals(WebhookDeliveryStatus.WEBHOOK_DELIVERY_STATUS_DELIVERED, delivered.getStatus());
    assertEquals(1, delivered.getAttempts());
    assertEquals(200, delivered.getLastHttpStatus());
    // Delivered once: another pass sends nothing more.
    server.dispatchWebhooks();
    assertEquals(1, receiver.received().size());
  }

  @Test
  void failedAttemptsAreRetriedWithExponentialBackoffUntilTheReceiverAccepts() throws Exception {
    Hooked h = hookedBuyer("Hook Retry", WebhookEventKind.WEBHOOK_EVENT_KIND_ORDER_PAID);
    receiver.failNext(500, 503);
    AlertFixtures.buy(server, h.key(), 1000, Purpose.PURPOSE_MARKETING);

    server.dispatchWebhooks();
    WebhookDelivery first = only(h);
    assertEquals(WebhookDeliveryStatus.WEBHOOK_DELIVERY_STATUS_PENDING, first.getStatus());
    assertEquals(1, first.getAttempts());
    assertEquals("HTTP 500", first.getLastError());
    assertEquals(500, first.getLastHttpStatus());
    Duration wait1 = Duration.between(server.clock.instant(), Timestamps.toInstant(first.getNextAttemptTime()));
    assertTrue(wait1.compareTo(Duration.ofSeconds(15)) >= 0 && wait1.compareTo(Duration.ofSeconds(30)) < 0, wait1::toString);

    server.dispatchWebhooks(); // not due yet
    assertEquals(1, receiver.received().size());

    server.clock.advance(wait1);
    server.dispatchWebhooks();
    WebhookDelivery second = only(h);
    assertEquals(2, second.getAttempts());
    assertEquals(503, second.getLastHttpStatus());
    Duration wait2 = Duration.between(server.clock.instant(), Timestamps.toInstant(second.getNextAttemptTime()));
    assertTrue(wait2.compareTo(Duration.ofSeconds(30)) >= 0 && wait2.compareTo(Duration.ofSeconds(60)) < 0, wait2::toString);

    server.clock.advance(wait2);
    server.dispatchWebhooks();
    assertEquals(WebhookDeliveryStatus.WEBHOOK_DELIVERY_STATUS_DELIVERED, only(h).getStatus());
    assertEquals(3, receiver.received().size());
    for (WebhookReceiver.Received r : receiver.received()) {
      assertEquals(first.getEventId(), r.header("Resource-Plans-Event-Id"));
      assertEquals(first.getPayload(), r.bodyText());
    }
    // Each attempt was signed at its own time, and verifies then.
    WebhookReceiver.Received last = receiver.received().get(2);
    verifier(h.secret()).verify(last.header(WebhookSignatureVerifier.HEADER), last.body());
  }

  @Test
  void aReceiverThatKeepsFailingIsRetriedForThreeDaysThenFailedAndAReplayDeliversIt() throws Exception {
    Hooked h = hookedBuyer("Hook Down", WebhookEventKind.WEBHOOK_EVENT_KIND_ORDER_PAID);
    int[] failures = new int[60];
    java.util.Arrays.fill(failures, 500);
    receiver.failNext(failures);
    AlertFixtures.buy(server, h.key(), 1000, Purpose.PURPOSE_MARKETING);
    Instant created = Timestamps.toInstant(only(h).getCreateTime());
    Instant giveUp = Timestamps.toInstant(only(h).getGiveUpTime());
    assertEquals(created.plus(Duration.ofDays(3)), giveUp);

    List<Instant> attempts = new ArrayList<>();
    WebhookDelivery d = only(h);
    for (int i = 0; i < 60 && d.getStatus() == WebhookDeliveryStatus.WEBHOOK_DELIVERY_STATUS_PENDING; i++) {
      if (d.hasNextAttemptTime()) {
        server.clock.advance(Duration.between(server.clock.instant(), Timestamps.toInstant(d.getNextAttemptTime())));
      }
      attempts.add(server.clock.instant());
      server.dispatchWebhooks();
      d = only(h);
    }
    assertEquals(WebhookDeliveryStatus.WEBHOOK_DELIVERY_STATUS_FAILED, d.getStatus());
    assertEquals("HTTP 500", d.getLastError());
    assertEquals(attempts.size(), receiver.received().size());
    assertEquals(attempts.size(), d.getAttempts());
    // Every attempt but the last came before the give-up time; the last at it; no wait above 6 hours.
    assertEquals(giveUp, attempts.get(attempts.size() - 1));
    for (int i = 1; i < attempts.size(); i++) {
      Duration wait = Duration.between(attempts.get(i - 1), attempts.get(i));
      assertTrue(wait.compareTo(Duration.ofHours(6)) <= 0, wait::toString);
      assertTrue(attempts.get(i - 1).isBefore(giveUp));
    }
    assertTrue(attempts.size() > 10, "attempts: " + attempts.size());

    // Replay: the same event, due now, retried for 3 more days.
    WebhookDelivery replayed = server.activation(h.key()).retryWebhookDelivery(RetryWebhookDeliveryRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setWebhookDeliveryId(d.getWebhookDeliveryId()).build()).getWebhookDelivery();
    assertEquals(WebhookDeliveryStatus.WEBHOOK_DELIVERY_STATUS_PENDING, replayed.getStatus());
    assertEquals(0, replayed.getAttempts());
    assertEquals(server.clock.instant().plus(Duration.ofDays(3)), Timestamps.toInstant(replayed.getGiveUpTime()));
    assertEquals(d.getEventId(), replayed.getEventId());
  }

  @Test
  void aDeliveredEventIsReplayedWithTheSameEventIdAndBody() throws Exception {
    Hooked h = hookedBuyer("Hook Replay", WebhookEventKind.WEBHOOK_EVENT_KIND_ORDER_PAID);
    AlertFixtures.buy(server, h.key(), 1000, Purpose.PURPOSE_MARKETING);
    server.dispatchWebhooks();
    WebhookDelivery delivered = only(h);
    assertEquals(WebhookDeliveryStatus.WEBHOOK_DELIVERY_STATUS_DELIVERED, delivered.getStatus());

    server.clock.advance(Duration.ofMinutes(10));
    WebhookDelivery replayed = server.activation(h.key()).retryWebhookDelivery(RetryWebhookDeliveryRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setWebhookDeliveryId(delivered.getWebhookDeliveryId()).build())
        .getWebhookDelivery();
    assertEquals(WebhookDeliveryStatus.WEBHOOK_DELIVERY_STATUS_PENDING, replayed.getStatus());
    server.dispatchWebhooks();

    assertEquals(2, receiver.received().size());
    WebhookReceiver.Received again = receiver.received().get(1);
    assertEquals(delivered.getEventId(), again.header("Resource-Plans-Event-Id"));
    assertEquals(receiver.received().get(0).bodyText(), again.bodyText());
    // Signed afresh: the replay verifies ten minutes after the first delivery.
    verifier(h.secret()).verify(again.header(WebhookSignatureVerifier.HEADER), again.body());
    assertEquals(WebhookDeliveryStatus.WEBHOOK_DELIVERY_STATUS_DELIVERED, only(h).getStatus());

    // A deleted endpoint's delivery cannot be replayed; its deliveries stay listed.
    server.activation(h.key()).deleteWebhookEndpoint(DeleteWebhookEndpointRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setWebhookEndpointId(h.endpointId()).build());
    var refused = assertThrows(io.grpc.StatusRuntimeException.class,
        () -> server.activation(h.key()).retryWebhookDelivery(RetryWebhookDeliveryRequest.newBuilder()
            .setRequestId(TestServer.requestId()).setWebhookDeliveryId(delivered.getWebhookDeliveryId()).build()));
    assertEquals(io.grpc.Status.Code.NOT_FOUND, refused.getStatus().getCode());
    assertEquals(1, deliveries(h).size());
  }

  @Test
  void aReplayAskedWhileTheDeliveryIsBeingSentWaitsForThatAttemptInsteadOfSendingAlongsideIt() throws Exception {
    Hooked h = hookedBuyer("Hook In Flight", WebhookEventKind.WEBHOOK_EVENT_KIND_ORDER_PAID);
    AlertFixtures.buy(server, h.key(), 1000, Purpose.PURPOSE_MARKETING);
    WebhookReceiver.Held first = receiver.holdNext();
    var inFlight = java.util.concurrent.CompletableFuture.runAsync(server::dispatchWebhooks);
    first.awaitArrival();

    WebhookDelivery replayed = server.activation(h.key()).retryWebhookDelivery(RetryWebhookDeliveryRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setWebhookDeliveryId(only(h).getWebhookDeliveryId()).build())
        .getWebhookDelivery();
    assertEquals(WebhookDeliveryStatus.WEBHOOK_DELIVERY_STATUS_PENDING, replayed.getStatus());
    assertEquals(0, replayed.getAttempts());
    // Due when the attempt in flight has had all its lease, not before: no second send meanwhile.
    Instant due = Timestamps.toInstant(replayed.getNextAttemptTime());
    assertTrue(due.isAfter(server.clock.instant()), () -> "due " + due);
    server.dispatchWebhooks();
    assertEquals(1, receiver.received().size());

    // The attempt that was in flight ends unrecorded: the replay is what the delivery now shows.
    first.answer();
    inFlight.get(30, java.util.concurrent.TimeUnit.SECONDS);
    WebhookDelivery waiting = only(h);
    assertEquals(WebhookDeliveryStatus.WEBHOOK_DELIVERY_STATUS_PENDING, waiting.getStatus());
    assertEquals(0, waiting.getAttempts());

    server.clock.advance(Duration.between(server.clock.instant(), due));
    server.dispatchWebhooks();
    assertEquals(2, receiver.received().size());
    assertEquals(receiver.received().get(0).bodyText(), receiver.received().get(1).bodyText());
    assertEquals(WebhookDeliveryStatus.WEBHOOK_DELIVERY_STATUS_DELIVERED, only(h).getStatus());
  }

  @Test
  void duringARotationOverlapEachDeliveryIsSignedWithBothSecretsThenOnlyTheNewOne() throws Exception {
    Hooked h = hookedBuyer("Hook Rotation", WebhookEventKind.WEBHOOK_EVENT_KIND_ORDER_PAID);
    String newSecret = server.activation(h.key()).rotateWebhookSecret(RotateWebhookSecretRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setWebhookEndpointId(h.endpointId()).setOverlapSeconds(3600).build())
        .getSecret();
    AlertFixtures.buy(server, h.key(), 1000, Purpose.PURPOSE_MARKETING);
    server.dispatchWebhooks();
    WebhookReceiver.Received during = receiver.received().get(0);
    String header = during.header(WebhookSignatureVerifier.HEADER);
    assertTrue(header.matches("t=\\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}"), header);
    verifier(newSecret).verify(header, during.body());
    verifier(h.secret()).verify(header, during.body());

    server.clock.advance(Duration.ofHours(1));
    AlertFixtures.buy(server, h.key(), 1000, Purpose.PURPOSE_MARKETING);
    server.dispatchWebhooks();
    WebhookReceiver.Received after = receiver.received().get(1);
    String afterHeader = after.header(WebhookSignatureVerifier.HEADER);
    assertTrue(afterHeader.matches("t=\\d+,v1=[0-9a-f]{64}"), afterHeader);
    verifier(newSecret).verify(afterHeader, after.body());
    assertFalse(verifier(h.secret()).isValid(afterHeader, after.body()));
  }

  @Test
  void aCrossedAlertIsAnEventOnlyIfItsTransactionCommits() throws Exception {
    Hooked h = hookedBuyer("Hook Alert", WebhookEventKind.WEBHOOK_EVENT_KIND_QUOTA_ALERT_CROSSED);
    var pkg = AlertFixtures.buy(server, h.key(), 100, Purpose.PURPOSE_MARKETING);
    AlertFixtures.setThreshold(server, h.key(), Purpose.PURPOSE_MARKETING, 50);
    String accountId = h.account().getAccount().getAccountId();
    AlertFixtures.setRemaining(server, accountId, pkg.getPackageId(), 10);

    // The crossing rolled back with its transaction: no event.
    var component = server.component();
    assertThrows(IllegalStateException.class, () -> component.transactor().inTransaction(tx -> {
      component.alerts().evaluate(tx, accountId, AlertFixtures.PRODUCT,
          io.resourceplans.server.mapping.PurposeMapper.toDomain(Purpose.PURPOSE_MARKETING, "purpose"),
          server.clock.instant());
      throw new IllegalStateException("rolled back");
    }));
    assertEquals(0, deliveries(h).size());

    AlertFixtures.evaluate(server, accountId, Purpose.PURPOSE_MARKETING);
    server.dispatchWebhooks();
    assertEquals(1, receiver.received().size());
    WebhookReceiver.Received got = receiver.received().get(0);
    verifier(h.secret()).verify(got.header(WebhookSignatureVerifier.HEADER), got.body());
    String body = got.bodyText();
    assertEquals("quota.alert_crossed", field(body, "kind"));
    assertTrue(body.contains("\"data\":{\"productId\":\"sms-domestic\",\"purpose\":\"MARKETING\",\"threshold\":50,\"remaining\":10}"), body);
    // Crossed once: evaluating again while still below sends nothing new.
    AlertFixtures.evaluate(server, accountId, Purpose.PURPOSE_MARKETING);
    server.dispatchWebhooks();
    assertEquals(1, receiver.received().size());
  }

  @Test
  void anExpiryReminderIsAPackageExpiringEventOncePerPackageAndOffset() throws Exception {
    Hooked h = hookedBuyer("Hook Expiry", WebhookEventKind.WEBHOOK_EVENT_KIND_PACKAGE_EXPIRING);
    var pkg = AlertFixtures.buy(server, h.key(), 100, Purpose.PURPOSE_MARKETING);
    String accountId = h.account().getAccount().getAccountId();
    Instant expiry = server.clock.instant().plus(Duration.ofDays(20));
    server.jdbi().useHandle(x -> x.createUpdate("""
            update packages set expire_time = :e, purchase_time = cast(:e as timestamptz) - interval '365 days'
             where account_id = :a and package_id = :p;
            select rp_rebuild_package_totals(:a);
            """).bind("e", expiry).bind("a", accountId).bind("p", pkg.getPackageId()).execute());

    server.expiryReminders().runOnce(server.clock.instant());
    server.expiryReminders().runOnce(server.clock.instant());
    server.dispatchWebhooks();

    assertEquals(1, receiver.received().size());
    WebhookReceiver.Received got = receiver.received().get(0);
    verifier(h.secret()).verify(got.header(WebhookSignatureVerifier.HEADER), got.body());
    String body = got.bodyText();
    assertEquals("package.expiring", field(body, "kind"));
    assertEquals(pkg.getPackageId(), field(body, "packageId"));
    assertTrue(body.contains("\"reminderOffsetDays\":30,\"daysLeft\":20"), body);
  }

  @Test
  void aPackageThatExpiresWithQuantityLeftIsAPackageExpiredEventOnce() throws Exception {
    Hooked h = hookedBuyer("Hook Expired", WebhookEventKind.WEBHOOK_EVENT_KIND_PACKAGE_EXPIRED);
    var pkg = AlertFixtures.buy(server, h.key(), 100, Purpose.PURPOSE_MARKETING);
    String accountId = h.account().getAccount().getAccountId();
    Instant expiry = server.clock.instant().minus(Duration.ofMinutes(1));
    server.jdbi().useHandle(x -> x.createUpdate("""
            update packages set expire_time = :e, purchase_time = cast(:e as timestamptz) - interval '365 days'
             where account_id = :a and package_id = :p;
            select rp_rebuild_package_totals(:a);
            """).bind("e", expiry).bind("a", accountId).bind("p", pkg.getPackageId()).execute());

    server.expiryReminders().runOnce(server.clock.instant());
    server.expiryReminders().runOnce(server.clock.instant());
    server.dispatchWebhooks();

    assertEquals(1, receiver.received().size());
    WebhookReceiver.Received got = receiver.received().get(0);
    verifier(h.secret()).verify(got.header(WebhookSignatureVerifier.HEADER), got.body());
    String body = got.bodyText();
    assertEquals("package.expired", field(body, "kind"));
    assertEquals(pkg.getPackageId(), field(body, "packageId"));
    assertEquals(expiry.toString(), field(body, "expireTime"));
    assertTrue(body.contains("\"remainingQuantity\":100"), body);
  }

  @Test
  void aDeletedEndpointsPendingDeliveryEndsFailedWithoutAnotherAttempt() throws Exception {
    Hooked h = hookedBuyer("Hook Deleted", WebhookEventKind.WEBHOOK_EVENT_KIND_ORDER_PAID);
    receiver.failNext(500);
    AlertFixtures.buy(server, h.key(), 1000, Purpose.PURPOSE_MARKETING);
    server.dispatchWebhooks();
    WebhookDelivery pending = only(h);
    assertEquals(WebhookDeliveryStatus.WEBHOOK_DELIVERY_STATUS_PENDING, pending.getStatus());

    server.activation(h.key()).deleteWebhookEndpoint(DeleteWebhookEndpointRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setWebhookEndpointId(h.endpointId()).build());
    server.clock.advance(Duration.between(server.clock.instant(), Timestamps.toInstant(pending.getNextAttemptTime())));
    server.dispatchWebhooks();

    WebhookDelivery failed = only(h);
    assertEquals(WebhookDeliveryStatus.WEBHOOK_DELIVERY_STATUS_FAILED, failed.getStatus());
    assertEquals("endpoint deleted", failed.getLastError());
    assertEquals(1, receiver.received().size());
    // A deleted endpoint gets no new events.
    AlertFixtures.buy(server, h.key(), 1000, Purpose.PURPOSE_MARKETING);
    assertEquals(1, deliveries(h).size());
  }

  @Test
  void twoDispatchersRunningAtOnceSendEachDeliveryOnce() throws Exception {
    Hooked h = hookedBuyer("Hook Replicas", WebhookEventKind.WEBHOOK_EVENT_KIND_ORDER_PAID);
    for (int i = 0; i < 12; i++) {
      AlertFixtures.buy(server, h.key(), 1000, Purpose.PURPOSE_MARKETING);
    }
    WebhookSettings settings = new WebhookSettings(Duration.ofDays(1), 2, Duration.ofMinutes(5), Duration.ofSeconds(5),
        Duration.ofSeconds(30), Duration.ofHours(6), Duration.ofDays(3), true);
    var component = server.component();
    List<io.resourceplans.domain.webhook.WebhookDispatcher> replicas = List.of(
        new io.resourceplans.domain.webhook.WebhookDispatcher(component.transactor(), server.clock, settings,
            new io.resourceplans.server.notify.HttpWebhookSender(settings), () -> 0.5),
        new io.resourceplans.domain.webhook.WebhookDispatcher(component.transactor(), server.clock, settings,
            new io.resourceplans.server.notify.HttpWebhookSender(settings), () -> 0.5));
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<io.resourceplans.domain.webhook.WebhookDispatcher.Pass>> passes = new ArrayList<>();
      for (var d : replicas) {
        passes.add(pool.submit(() -> {
          start.await();
          return d.runOnce();
        }));
      }
      start.countDown();
      int delivered = 0;
      for (var p : passes) {
        delivered += p.get(30, java.util.concurrent.TimeUnit.SECONDS).delivered();
      }
      assertEquals(12, delivered);
    } finally {
      pool.shutdownNow();
    }
    List<String> sent = receiver.received().stream().map(r -> r.header("Resource-Plans-Delivery-Id")).toList();
    assertEquals(12, sent.size());
    assertEquals(12, new java.util.HashSet<>(sent).size());
    assertTrue(deliveries(h).stream().allMatch(d -> d.getStatus() == WebhookDeliveryStatus.WEBHOOK_DELIVERY_STATUS_DELIVERED));
  }
}
