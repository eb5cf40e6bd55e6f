package io.resourceplans.server.notify;

import static io.resourceplans.server.testing.Errors.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.domain.notification.Channel;
import io.resourceplans.domain.notification.Delivery;
import io.resourceplans.domain.notification.DispatchSettings;
import io.resourceplans.domain.notification.Language;
import io.resourceplans.domain.notification.NotificationDispatcher;
import io.resourceplans.domain.notification.NotificationKind;
import io.resourceplans.domain.notification.NotificationOutbox;
import io.resourceplans.domain.notification.NotificationSender;
import io.resourceplans.server.testing.AlertFixtures;
import io.resourceplans.server.testing.Buyers;
import io.resourceplans.server.testing.NotificationFixtures;
import io.resourceplans.server.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dispatcher against the real outbox: concurrent dispatchers deliver each row exactly once;
 * a notification of a rolled-back transaction never exists; a crashed claim is taken over after
 * its lease; a fresh dispatcher (a restarted server) delivers what was left.
 */
@Tag("citus")
class DispatcherTest {
  @RegisterExtension
  static final TestServer server = TestServer.forClass();

  /** An email "sender" that counts what it was given, per notification, and keeps the subjects in sending order. */
  static final class CountingSender implements NotificationSender {
    final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
    final List<String> subjects = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public Channel channel() {
      return Channel.EMAIL;
    }

    @Override
    public boolean configured() {
      return true;
    }

    @Override
    public void send(Delivery d) {
      sent.computeIfAbsent(d.notificationId(), id -> new AtomicInteger()).incrementAndGet();
      subjects.add(d.subject());
      try {
        Thread.sleep(1); // as if talking to a server: lets the other dispatcher interleave
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static NotificationDispatcher dispatcher(NotificationSender sender, int batchSize) {
    DispatchSettings s = DispatchSettings.defaults();
    return new NotificationDispatcher(
        server.component().transactor(),
        server.clock,
        new DispatchSettings(s.period(), batchSize, s.maxAttempts(), s.backoffBase(), s.backoffMax(), s.lease()),
        List.of(sender),
        Math::random);
  }

  /** Queues {@code count} emails for the account, 100 per transaction; returns their dedupe keys' prefix. */
  private static void queue(String accountId, String prefix, int count) {
    var notifier = server.component().notifier();
    for (int from = 0; from < count; from += 100) {
      int start = from;
      server.component().transactor().inTransaction(tx -> {
        for (int i = start; i < Math.min(start + 100, count); i++) {
          notifier.queueEmail(
              tx, accountId, "user" + i + "@bulk.example", Language.EN, NotificationKind.SYSTEM,
              Map.of("title", "Notice " + i, "body", "Body " + i), prefix + i, server.clock.instant());
        }
        return null;
      });
    }
  }

  private static long count(String accountId, String status) {
    return server.jdbi().withHandle(h -> h.createQuery(
            "select count(*) from notification_outbox where account_id = :a and status = :s")
        .bind("a", accountId).bind("s", status).mapTo(Long.class).one());
  }

  @Test
  void twoDispatchersAtOnceDeliverAThousandNotificationsExactlyOnce() throws Exception {
    String accountId = server.newAccount("Bulk Sender").getAccount().getAccountId();
    queue(accountId, "bulk:", 1000);
    assertEquals(1000, count(accountId, "PENDING"));

    CountingSender sender = new CountingSender();
    List<NotificationDispatcher> dispatchers = List.of(dispatcher(sender, 25), dispatcher(sender, 25));
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    List<Future<NotificationDispatcher.Pass>> passes = new ArrayList<>();
    for (NotificationDispatcher d : dispatchers) {
      passes.add(threads.submit(() -> {
        go.await();
        return d.runOnce();
      }));
    }
    go.countDown();
    int first = passes.get(0).get().delivered();
    int second = passes.get(1).get().delivered();
    threads.shutdown();

    assertEquals(1000, first + second);
    assertTrue(first > 0 && second > 0, "both dispatchers took part: " + first + " / " + second);
    assertEquals(1000, sender.sent.size());
    assertTrue(sender.sent.values().stream().allMatch(n -> n.get() == 1), "a notification was delivered twice");
    assertEquals(1000, count(accountId, "DELIVERED"));
    assertEquals(0L, (long) server.jdbi().withHandle(h -> h.createQuery(
        "select count(*) from notification_outbox where account_id = :a and (attempts <> 1 or lease_owner is not null)")
        .bind("a", accountId).mapTo(Long.class).one()));
  }

  @Test
  void aNotificationOfARolledBackTransactionIsNeverDelivered() {
    String accountId = server.newAccount("Rollback Shop").getAccount().getAccountId();
    var notifier = server.component().notifier();
    assertThrows(IllegalStateException.class, () -> server.component().transactor().inTransaction(tx -> {
      notifier.queueEmail(tx, accountId, "someone@rollback.example", Language.EN, NotificationKind.SYSTEM,
          Map.of("title", "never", "body", "never"), "rolled-back:1", server.clock.instant());
      throw new IllegalStateException("the cause of the notification failed");
    }));
    CountingSender sender = new CountingSender();
    dispatcher(sender, 50).runOnce();
    assertEquals(0, sender.sent.size());
    assertEquals(List.of(), NotificationFixtures.rows(server, accountId));

    // Through the API: a payment refused for lack of balance queues no ORDER_PAID.
    var buyer = Buyers.verifiedAccount(server, "Broke Buyer");
    assertRefused(Status.Code.FAILED_PRECONDITION, "INSUFFICIENT_BALANCE",
        () -> Buyers.buy(server, buyer.getApiKeySecret(), AlertFixtures.CUSTOM_SPEC, 1000,
            Purpose.PURPOSE_VERIFICATION_NOTIFICATION, AlertFixtures.REGION));
    assertEquals(List.of(), NotificationFixtures.rows(server, buyer.getAccount().getAccountId()));
  }

  @Test
  void aCrashedClaimIsTakenOverWhenItsLeaseRunsOut() {
    String accountId = server.newAccount("Crash Shop").getAccount().getAccountId();
    queue(accountId, "crash:", 3);
    // A dispatcher claims everything due, then dies before delivering.
    var now = server.clock.instant();
    var claimed = server.component().transactor().inTransaction(
        tx -> tx.get(NotificationOutbox.class).claim("crashed-replica", now, now.plus(DispatchSettings.DEFAULT_LEASE), 1000));
    assertTrue(claimed.stream().filter(d -> d.accountId().equals(accountId)).count() == 3);

    CountingSender sender = new CountingSender();
    NotificationDispatcher survivor = dispatcher(sender, 50);
    assertEquals(0, survivor.runOnce().total());
    server.clock.advance(DispatchSettings.DEFAULT_LEASE.plusSeconds(1));
    assertEquals(3, survivor.runOnce().delivered());
    assertEquals(3, sender.sent.size());
    for (var row : NotificationFixtures.rows(server, accountId)) {
      assertEquals("DELIVERED", row.get("status"));
      assertEquals(2, row.get("attempts"));
    }
    // The crashed claimer coming back cannot record over it.
    Delivery d = claimed.stream().filter(c -> c.accountId().equals(accountId)).findFirst().orElseThrow();
    assertEquals(false, server.component().transactor().inTransaction(tx -> tx.get(NotificationOutbox.class).finish(
        d.accountId(), d.notificationId(), "crashed-replica", io.resourceplans.domain.notification.DeliveryStatus.FAILED,
        "late", server.clock.instant())));
  }

  @Test
  void aPassSendsWhatItClaimedOldestFirst() {
    String accountId = server.newAccount("Ordered Shop").getAccount().getAccountId();
    var notifier = server.component().notifier();
    Instant first = server.clock.instant().minusSeconds(60);
    // Queued newest first, one second apart, all due: the sends must come oldest first (two codes
    // to one inbox must arrive in the order they were asked for).
    for (int i = 19; i >= 0; i--) {
      int n = i;
      server.component().transactor().inTransaction(tx -> notifier.queueEmail(
          tx, accountId, "same@inbox.example", Language.EN, NotificationKind.SYSTEM,
          Map.of("title", "Notice " + n, "body", "Body " + n), "ordered:" + n, first.plusSeconds(n)));
    }
    CountingSender recording = new CountingSender();
    assertEquals(20, dispatcher(recording, 50).runOnce().delivered());
    List<String> subjects = recording.subjects;
    List<Integer> order = subjects.stream()
        .map(subject -> Integer.parseInt(subject.replaceAll("^.*Notice (\\d+).*$", "$1")))
        .toList();
    assertEquals(java.util.stream.IntStream.range(0, 20).boxed().toList(), order, subjects::toString);
  }

  @Test
  void aRestartLosesNothing() throws Exception {
    String accountId = server.newAccount("Restart Shop").getAccount().getAccountId();
    queue(accountId, "restart:", 5);
    // The server that queued them stops before delivering; the dispatcher holds no state, so a new
    // one (another process, after the restart) finds every row in the database.
    NotificationDispatcher afterRestart = dispatcher(new CountingSender(), 2);
    assertEquals(5, afterRestart.runOnce().delivered());
    assertEquals(5, count(accountId, "DELIVERED"));
    server.clock.advance(Duration.ofMinutes(1));
    assertEquals(0, afterRestart.runOnce().total());
  }
}
