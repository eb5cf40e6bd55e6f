package io.resourceplans.server.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.resourceplans.api.v1.ListNotificationsRequest;
import io.resourceplans.api.v1.NotificationAttemptOutcome;
import io.resourceplans.api.v1.RetryNotificationRequest;
import io.resourceplans.api.v1.MessageChannel;
import io.resourceplans.api.v1.NotificationKind;
import io.resourceplans.api.v1.NotificationStatus;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.SetAlertThresholdRequest;
import io.resourceplans.domain.notification.DispatchSettings;
import io.resourceplans.server.testing.AlertFixtures;
import io.resourceplans.server.testing.NotificationFixtures;
import io.resourceplans.server.testing.Errors;
import io.resourceplans.server.testing.TestServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SMS through an HTTP gateway that runs in the test (JDK HttpServer): the JSON body and the
 * Authorization header arrive as configured; a 500 is retried after a backoff and then succeeds;
 * a 4xx, a timeout and a gateway that keeps failing end FAILED with their error, which operators
 * read with ListNotifications.
 */
class SmsDeliveryTest {
  private static final String TOKEN = "sms-gateway-secret";
  private static final int MAX_ATTEMPTS = 3;

  /** One request as the gateway saw it. */
  record Received(String authorization, String idempotencyKey, String contentType, String body) {}

  private static HttpServer gateway;
  private static final List<Received> received = new CopyOnWriteArrayList<>();
  /** Answers to give, in order; empty = 200. A negative status = sleep that long (ms), then 200. */
  private static final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    gateway.createContext(
        "/sms/send",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          received.add(
              new Received(
                  exchange.getRequestHeaders().getFirst("Authorization"),
                  exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                  exchange.getRequestHeaders().getFirst("Content-Type"),
                  new String(body, StandardCharsets.UTF_8)));
          Integer answer = answers.poll();
          int status = answer == null ? 200 : answer;
          if (status < 0) {
            try {
              Thread.sleep(-status);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            status = 200;
          }
          byte[] reply = (status == 200 ? "{\"ok\":true}" : "{\"error\":\"gateway says no\"}").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, reply.length);
          exchange.getResponseBody().write(reply);
          exchange.close();
        });
    // A thread per request: a slow answer does not hold up the next one.
    gateway.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    gateway.start();
    URI url = URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms/send");
    DispatchSettings dispatch =
        new DispatchSettings(
            Duration.ofDays(1), 50, MAX_ATTEMPTS, Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(5));
    server =
        new TestServer(
            new DeliverySettings(dispatch, SmtpSettings.none(), SmsSettings.of(url, TOKEN, Duration.ofSeconds(2))));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    gateway.stop(0);
  }

  /** An account with a phone whose quota alert (SMS only) is queued now; returns its account ID. */
  private static String smsAlert(String name, String phone) {
    var account = server.operator()
        .createAccount(
            io.resourceplans.api.v1.CreateAccountRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setDisplayName(name)
                .setContactEmail("ops@" + name.toLowerCase().replace(' ', '-') + ".example")
                .setContactPhone(phone)
                .build());
    // Nothing bought: remaining 0 is below the threshold at once.
    server.plan(account.getApiKeySecret())
        .setAlertThreshold(
            SetAlertThresholdRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setProductId(AlertFixtures.PRODUCT)
                .setPurpose(Purpose.PURPOSE_MARKETING)
                .setThreshold(100)
                .addChannels(MessageChannel.MESSAGE_CHANNEL_SMS)
                .build());
    return account.getAccount().getAccountId();
  }

  private static Map<String, Object> smsRow(String accountId) {
    return NotificationFixtures.only(NotificationFixtures.rows(server, accountId), "QUOTA_ALERT", "SMS");
  }

  private static Instant time(Object o) {
    return o instanceof OffsetDateTime t ? t.toInstant() : ((java.sql.Timestamp) o).toInstant();
  }

  private static synchronized void reset() {
    server.dispatch();
    received.clear();
    answers.clear();
  }

  @Test
  void theGatewayGetsJsonAndTheToken() {
    reset();
    String accountId = smsAlert("Json Shop", "+8613900139000");
    assertEquals(1, server.dispatch().delivered());
    assertEquals(1, received.size());
    Received r = received.get(0);
    assertEquals("Bearer " + TOKEN, r.authorization());
    assertTrue(r.contentType().startsWith("application/json"), r.contentType());
    var row = smsRow(accountId);
    assertEquals(row.get("notification_id"), r.idempotencyKey());
    assertTrue(r.body().contains("\"to\":\"+8613900139000\""), r.body());
    assertTrue(r.body().contains("\"notificationId\":\"" + row.get("notification_id") + "\""), r.body());
    assertTrue(r.body().contains("\"language\":\"en\""), r.body());
    assertTrue(r.body().contains("sms-domestic (marketing) has 0 left, below your alert threshold of 100"), r.body());
    assertEquals("DELIVERED", row.get("status"));
    assertEquals(1, row.get("attempts"));
  }

  @Test
  void aServerErrorIsRetriedAfterABackoffThenDelivered() {
    reset();
    answers.add(500);
    String accountId = smsAlert("Retry Shop", "+6581234567");
    Instant first = server.clock.instant();
    var pass = server.dispatch();
    assertEquals(1, pass.retried());
    var row = smsRow(accountId);
    assertEquals("PENDING", row.get("status"));
    assertEquals(1, row.get("attempts"));
    assertTrue(((String) row.get("last_error")).startsWith("SMS gateway answered HTTP 500"), (String) row.get("last_error"));
    assertNull(row.get("lease_owner"));
    // Backoff: base 10 s × 2^0, jitter in [0.5, 1).
    Instant next = time(row.get("next_attempt_time"));
    assertTrue(!next.isBefore(first.plusSeconds(5)) && next.isBefore(first.plusSeconds(10)), next.toString());

    // Not due yet: nothing happens.
    assertEquals(0, server.dispatch().total());
    assertEquals(1, received.size());

    server.clock.advance(Duration.ofSeconds(10));
    assertEquals(1, server.dispatch().delivered());
    row = smsRow(accountId);
    assertEquals("DELIVERED", row.get("status"));
    assertEquals(2, row.get("attempts"));
    assertEquals(2, received.size());
    assertEquals(received.get(0).idempotencyKey(), received.get(1).idempotencyKey());
  }

  @Test
  void aPermanentRefusalFailsAtOnceWithItsError() {
    reset();
    answers.add(400);
    String accountId = smsAlert("Refused Shop", "+6581234568");
    assertEquals(1, server.dispatch().failed());
    var row = smsRow(accountId);
    assertEquals("FAILED", row.get("status"));
    assertEquals(1, row.get("attempts"));
    assertEquals("SMS gateway answered HTTP 400: {\"error\":\"gateway says no\"}", row.get("last_error"));
    assertNotNull(row.get("finish_time"));

    // Operators see it among the FAILED ones, with its error.
    var failed =
        server.operator()
            .listNotifications(
                ListNotificationsRequest.newBuilder()
                    .setAccountId(accountId)
                    .setStatus(NotificationStatus.NOTIFICATION_STATUS_FAILED)
                    .build())
            .getNotificationsList();
    assertEquals(1, failed.size());
    assertEquals(NotificationKind.NOTIFICATION_KIND_QUOTA_ALERT, failed.get(0).getKind());
    assertEquals(MessageChannel.MESSAGE_CHANNEL_SMS, failed.get(0).getChannel());
    assertEquals("+6581234568", failed.get(0).getRecipient());
    assertEquals(row.get("last_error"), failed.get(0).getLastError());
    assertEquals(1, failed.get(0).getAttempts());
  }

  @Test
  void anOperatorQueuesAFailedNotificationAgainAndItIsDelivered() {
    reset();
    answers.add(400);
    String accountId = smsAlert("Second Chance", "+6581234570");
    assertEquals(1, server.dispatch().failed());
    String notificationId = (String) smsRow(accountId).get("notification_id");

    // The gateway is fixed (it answers 200 from now on); the operator queues the SMS again.
    var retried =
        server.operator()
            .retryNotification(
                RetryNotificationRequest.newBuilder()
                    .setRequestId(TestServer.requestId())
                    .setAccountId(accountId)
                    .setNotificationId(notificationId)
                    .build())
            .getNotification();
    assertEquals(NotificationStatus.NOTIFICATION_STATUS_PENDING, retried.getStatus());
    assertEquals(0, retried.getAttempts());
    assertEquals(1, server.dispatch().delivered());
    assertEquals("DELIVERED", smsRow(accountId).get("status"));
    assertEquals(1, smsRow(accountId).get("attempts"));

    // Delivered is final; an unknown ID is not found.
    Errors.assertRefused(
        io.grpc.Status.Code.FAILED_PRECONDITION,
        "NOTIFICATION_NOT_RETRYABLE",
        () -> server.operator().retryNotification(
            RetryNotificationRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setAccountId(accountId)
                .setNotificationId(notificationId)
                .build()));
    Errors.assertRefused(
        io.grpc.Status.Code.NOT_FOUND,
        "NOTIFICATION_NOT_FOUND",
        () -> server.operator().retryNotification(
            RetryNotificationRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setAccountId(accountId)
                .setNotificationId("ntf-0000000000000000")
                .build()));
  }

  @Test
  void everyAttemptIsKeptWithItsOwnErrorAcrossAnOperatorRetry() {
    reset();
    answers.add(500);
    answers.add(400);
    String accountId = smsAlert("History Shop", "+6581234571");
    String notificationId = (String) smsRow(accountId).get("notification_id");
    assertEquals(1, server.dispatch().retried());
    server.clock.advance(Duration.ofSeconds(10));
    assertEquals(1, server.dispatch().failed());
    server.operator()
        .retryNotification(
            RetryNotificationRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setAccountId(accountId)
                .setNotificationId(notificationId)
                .build());
    assertEquals(1, server.dispatch().delivered());

    var attempts =
        server.operator()
            .listNotificationAttempts(
                io.resourceplans.api.v1.ListNotificationAttemptsRequest.newBuilder()
                    .setAccountId(accountId)
                    .setNotificationId(notificationId)
                    .build())
            .getAttemptsList();
    assertEquals(
        List.of(
            NotificationAttemptOutcome.NOTIFICATION_ATTEMPT_OUTCOME_RETRYING,
            NotificationAttemptOutcome.NOTIFICATION_ATTEMPT_OUTCOME_FAILED,
            NotificationAttemptOutcome.NOTIFICATION_ATTEMPT_OUTCOME_DELIVERED),
        attempts.stream().map(a -> a.getOutcome()).toList());
    assertEquals(List.of(1, 2, 3), attempts.stream().map(a -> a.getSeq()).toList());
    assertTrue(attempts.get(0).getError().startsWith("SMS gateway answered HTTP 500"), attempts.get(0).getError());
    assertTrue(attempts.get(1).getError().startsWith("SMS gateway answered HTTP 400"), attempts.get(1).getError());
    assertEquals("", attempts.get(2).getError());
    assertTrue(attempts.get(1).getAttemptTime().getSeconds() > attempts.get(0).getAttemptTime().getSeconds());
    assertTrue(attempts.stream().allMatch(a -> !a.getDispatcher().isEmpty()));

    Errors.assertRefused(
        io.grpc.Status.Code.NOT_FOUND,
        "NOTIFICATION_NOT_FOUND",
        () -> server.operator().listNotificationAttempts(
            io.resourceplans.api.v1.ListNotificationAttemptsRequest.newBuilder()
                .setAccountId(accountId)
                .setNotificationId("ntf-0000000000000000")
                .build()));
  }

  @Test
  void aGatewayThatKeepsFailingOrTimesOutEndsFailedAfterTheLastAttempt() {
    reset();
    answers.add(503);
    answers.add(-5000); // slower than the 2 s timeout (roomy: a busy CI machine answers 200 late too)
    answers.add(502);
    String accountId = smsAlert("Flaky Shop", "+6581234569");
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      var pass = server.dispatch();
      var row = smsRow(accountId);
      assertEquals(attempt, row.get("attempts"));
      if (attempt == 2) {
        assertTrue(((String) row.get("last_error")).contains("timed out"), (String) row.get("last_error"));
      }
      if (attempt < MAX_ATTEMPTS) {
        assertEquals(1, pass.retried());
        assertEquals("PENDING", row.get("status"));
      } else {
        assertEquals(1, pass.failed());
        assertEquals("FAILED", row.get("status"));
        assertTrue(((String) row.get("last_error")).startsWith("SMS gateway answered HTTP 502"), (String) row.get("last_error"));
      }
      server.clock.advance(Duration.ofMinutes(1));
    }
    // Failed is final.
    assertEquals(0, server.dispatch().total());
  }
}
