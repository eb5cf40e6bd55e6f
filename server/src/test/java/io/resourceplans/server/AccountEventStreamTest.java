package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertInvalid;
import static io.resourceplans.server.testing.Errors.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.resourceplans.api.v1.AccountEvent;
import io.resourceplans.api.v1.ActivationServiceGrpc;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.CreateApiKeyRequest;
import io.resourceplans.api.v1.CreateSubUserRequest;
import io.resourceplans.api.v1.CreateWebhookEndpointRequest;
import io.resourceplans.api.v1.ListWebhookDeliveriesRequest;
import io.resourceplans.api.v1.Permission;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.WatchAccountEventsRequest;
import io.resourceplans.api.v1.WatchAccountEventsResponse;
import io.resourceplans.api.v1.WebhookDelivery;
import io.resourceplans.api.v1.WebhookEventKind;
import io.resourceplans.server.testing.AlertFixtures;
import io.resourceplans.server.testing.Errors;
import io.resourceplans.server.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * WatchAccountEvents end to end over gRPC against PostgreSQL, with two replicas on one database:
 * events arrive in commit order with their webhook bodies, whatever replica wrote them; tenant
 * scoping; resume after a forced disconnect (a replica shut down, a call cancelled) while another
 * replica keeps producing, with no gap and no duplicate; cursors that are unknown or past the
 * retention; flow control (a slow reader is not buffered for); concurrent writers leave no hole.
 * Also in the Citus suite: NOTIFY is sent on the coordinator, where the listeners are.
 */
@Tag("citus")
class AccountEventStreamTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension static final TestServer server = TestServer.forClass();
  /** A second replica on the same database. */
  private static TestServer replica;

  @BeforeAll
  static void startReplica() throws Exception {
    replica = server.replica();
  }

  @AfterAll
  static void stopReplica() throws Exception {
    replica.close();
  }

  @Test
  void paidOrdersArriveInOrderWithTheWebhookBodyFromEitherReplica() throws Exception {
    CreateAccountResponse buyer = AlertFixtures.buyer(server, "Stream Buyer", "");
    String accountId = buyer.getAccount().getAccountId();
    String key = buyer.getApiKeySecret();
    // One endpoint: its deliveries carry the streamed events' IDs and bodies.
    server.activation(key).createWebhookEndpoint(CreateWebhookEndpointRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setUrl("https://hooks.example.com/stream")
        .addEventKinds(WebhookEventKind.WEBHOOK_EVENT_KIND_ORDER_PAID).build());
    Watch watch = Watch.open(replica, key, WatchAccountEventsRequest.getDefaultInstance(), false);
    awaitWatchers(replica, accountId, 1);

    AlertFixtures.buy(server, key, 1000, Purpose.PURPOSE_MARKETING);
    AlertFixtures.buy(replica, key, 2000, Purpose.PURPOSE_MARKETING);
    AlertFixtures.buy(server, key, 3000, Purpose.PURPOSE_MARKETING);

    List<AccountEvent> got = watch.take(3);
    assertEquals(List.of(1L, 2L, 3L), got.stream().map(AccountEvent::getSequence).toList());
    List<Map<String, Object>> rows = rows(accountId);
    for (int i = 0; i < 3; i++) {
      AccountEvent e = got.get(i);
      assertEquals(WebhookEventKind.WEBHOOK_EVENT_KIND_ORDER_PAID, e.getKind());
      assertEquals(rows.get(i).get("event_id"), e.getEventId());
      assertEquals(rows.get(i).get("payload"), e.getPayload());
      assertTrue(e.getPayload().startsWith("{\"id\":\"" + e.getEventId() + "\",\"kind\":\"order.paid\""), e.getPayload());
      assertTrue(e.getPayload().contains("\"accountId\":\"" + accountId + "\""), e.getPayload());
      assertEquals(server.clock.instant().getEpochSecond(), e.getCreateTime().getSeconds());
    }
    assertTrue(got.get(1).getPayload().contains("\"issuedQuantity\":2000"), got.get(1).getPayload());
    List<WebhookDelivery> deliveries =
        server.activation(key).listWebhookDeliveries(ListWebhookDeliveriesRequest.newBuilder().setPageSize(10).build())
            .getWebhookDeliveriesList();
    assertEquals(3, deliveries.size());
    for (WebhookDelivery d : deliveries) {
      AccountEvent e = got.stream().filter(g -> g.getEventId().equals(d.getEventId())).findFirst().orElseThrow();
      assertEquals(e.getPayload(), d.getPayload());
    }
    watch.cancel();
  }

  @Test
  void anAccountWithoutEndpointsHasItsEventsAndARetriedCauseWritesItOnce() throws Exception {
    CreateAccountResponse account = server.newAccount("Stream Quiet");
    String accountId = account.getAccount().getAccountId();
    emit(server, accountId, "order.paid", "once");
    emit(replica, accountId, "order.paid", "once");
    // A cause that rolls back writes nothing, and takes no number.
    try {
      server.component().transactor().inTransaction(tx -> {
        server.component().webhookEvents().emit(tx, accountId, kind("order.paid"), "rolled-back",
            server.clock.instant(), Map.of());
        throw new IllegalStateException("roll back");
      });
      fail("the transaction should have failed");
    } catch (IllegalStateException expected) {
      // nothing committed
    }
    emit(server, accountId, "quota.alert_crossed", "once");
    assertEquals(List.of(1L, 2L), rows(accountId).stream().map(r -> ((Number) r.get("sequence")).longValue()).toList());
    assertEquals(0, server.count("webhook_deliveries where account_id = '" + accountId + "'"));
    Watch all = Watch.open(server, account.getApiKeySecret(),
        WatchAccountEventsRequest.newBuilder().setFromOldestRetained(true).build(), false);
    List<AccountEvent> got = all.take(2);
    assertEquals(List.of(WebhookEventKind.WEBHOOK_EVENT_KIND_ORDER_PAID, WebhookEventKind.WEBHOOK_EVENT_KIND_QUOTA_ALERT_CROSSED),
        got.stream().map(AccountEvent::getKind).toList());
    all.cancel();
  }

  @Test
  void aKindsFilterSkipsTheOtherKinds() throws Exception {
    CreateAccountResponse account = server.newAccount("Stream Filter");
    String accountId = account.getAccount().getAccountId();
    Watch alerts = Watch.open(server, account.getApiKeySecret(), WatchAccountEventsRequest.newBuilder()
        .addKinds(WebhookEventKind.WEBHOOK_EVENT_KIND_QUOTA_ALERT_CROSSED).build(), false);
    awaitWatchers(server, accountId, 1);
    emit(server, accountId, "order.paid", "a");
    emit(server, accountId, "quota.alert_crossed", "b");
    emit(server, accountId, "order.paid", "c");
    emit(server, accountId, "quota.alert_crossed", "d");
    List<AccountEvent> got = alerts.take(2);
    assertEquals(List.of(2L, 4L), got.stream().map(AccountEvent::getSequence).toList());
    alerts.cancel();
  }

  @Test
  void anAccountsMainKeyWatchesOnlyItsOwnEvents() throws Exception {
    CreateAccountResponse owner = server.newAccount("Stream Owner");
    CreateAccountResponse other = server.newAccount("Stream Other");
    String ownerId = owner.getAccount().getAccountId();
    String otherId = other.getAccount().getAccountId();
    Watch others = Watch.open(server, other.getApiKeySecret(), WatchAccountEventsRequest.getDefaultInstance(), false);
    awaitWatchers(server, otherId, 1);
    emit(server, ownerId, "order.paid", "owner-1");
    String ownerEvent = (String) rows(ownerId).get(0).get("event_id");
    emit(server, otherId, "order.paid", "other-1");
    AccountEvent seen = others.take(1).get(0);
    assertTrue(seen.getPayload().contains(otherId), seen.getPayload());
    assertEquals(1, seen.getSequence());
    others.cancel();

    WatchAccountEventsRequest ownersAccount = WatchAccountEventsRequest.newBuilder().setAccountId(ownerId).build();
    assertRefused(Status.Code.NOT_FOUND, "ACCOUNT_NOT_FOUND", () -> first(server, other.getApiKeySecret(), ownersAccount));
    assertRefused(Status.Code.FAILED_PRECONDITION, "EVENT_CURSOR_EXPIRED",
        () -> first(server, other.getApiKeySecret(), WatchAccountEventsRequest.newBuilder().setAfterEventId(ownerEvent).build()));
    // The owner itself may name its account.
    Watch own = Watch.open(server, owner.getApiKeySecret(),
        WatchAccountEventsRequest.newBuilder().setAccountId(ownerId).setFromOldestRetained(true).build(), false);
    assertEquals(ownerEvent, own.take(1).get(0).getEventId());
    own.cancel();
    // Main key only, as the webhook RPCs.
    String subUserKey = subUserKey(owner);
    assertRefused(Status.Code.PERMISSION_DENIED, "MAIN_ACCOUNT_ONLY",
        () -> first(server, subUserKey, WatchAccountEventsRequest.getDefaultInstance()));
    assertRefused(Status.Code.PERMISSION_DENIED, "ACCOUNT_ONLY",
        () -> first(server, TestServer.OPERATOR_KEY, ownersAccount));
  }

  /**
   * A stream that ends before its first event resumes from its started position (after_sequence)
   * and misses nothing committed meanwhile; a stream resumes by sequence as by event ID.
   */
  @Test
  void aStreamEndedBeforeItsFirstEventResumesFromItsStartedPosition() throws Exception {
    CreateAccountResponse account = server.newAccount("Stream Early");
    String accountId = account.getAccount().getAccountId();
    String key = account.getApiKeySecret();
    emit(server, accountId, "order.paid", "before");
    Watch early = Watch.open(server, key, WatchAccountEventsRequest.getDefaultInstance(), false);
    long position = early.started.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertEquals(1, position);
    early.cancel();
    emit(replica, accountId, "order.paid", "while-away-1");
    emit(server, accountId, "order.paid", "while-away-2");
    Watch resumed = Watch.open(replica, key, WatchAccountEventsRequest.newBuilder().setAfterSequence(position).build(), false);
    assertEquals(List.of(2L, 3L), resumed.take(2).stream().map(AccountEvent::getSequence).toList());
    resumed.cancel();
    Watch bySequence = Watch.open(server, key, WatchAccountEventsRequest.newBuilder().setAfterSequence(0).build(), false);
    assertEquals(0, bySequence.started.get(WAIT.toSeconds(), TimeUnit.SECONDS));
    assertEquals(List.of(1L, 2L, 3L), bySequence.take(3).stream().map(AccountEvent::getSequence).toList());
    bySequence.cancel();
    assertInvalid(() -> first(server, key, WatchAccountEventsRequest.newBuilder().setAfterSequence(4).build()),
        "after_sequence");
    assertInvalid(() -> first(server, key, WatchAccountEventsRequest.newBuilder().setAfterSequence(-1).build()),
        "after_sequence");
    assertInvalid(() -> first(server, key, WatchAccountEventsRequest.newBuilder()
        .setAfterSequence(1).setAfterEventId("evt-0123456789abcdef").build()), "after_sequence");
    assertInvalid(() -> first(server, key, WatchAccountEventsRequest.newBuilder()
        .setAfterSequence(1).setFromOldestRetained(true).build()), "from_oldest_retained");
  }

  @Test
  void badInputIsRefusedWithFieldViolations() {
    String key = server.newAccount("Stream Input").getApiKeySecret();
    assertInvalid(() -> first(server, key, WatchAccountEventsRequest.newBuilder().setAfterEventId("evt-nope").build()),
        "after_event_id");
    assertInvalid(() -> first(server, key, WatchAccountEventsRequest.newBuilder()
        .setAfterEventId("evt-0123456789abcdef").setFromOldestRetained(true).build()), "from_oldest_retained");
    assertInvalid(() -> first(server, key, WatchAccountEventsRequest.newBuilder()
        .addKinds(WebhookEventKind.WEBHOOK_EVENT_KIND_UNSPECIFIED).build()), "kinds[0]");
    assertRefused(Status.Code.FAILED_PRECONDITION, "EVENT_CURSOR_EXPIRED",
        () -> first(server, key, WatchAccountEventsRequest.newBuilder().setAfterEventId("evt-0123456789abcdef").build()));
  }

  /**
   * A consumer on one replica while another replica's writers keep producing: its replica shuts
   * down mid-stream (UNAVAILABLE), it resumes on the other replica after the last event it got;
   * later it cancels its own call and resumes again. Every event arrives exactly once, in order.
   */
  @Test
  void aStreamResumesAfterAForcedDisconnectWithNoGapAndNoDuplicate() throws Exception {
    CreateAccountResponse account = AlertFixtures.buyer(server, "Stream Resume", "");
    String accountId = account.getAccount().getAccountId();
    String key = account.getApiKeySecret();
    TestServer doomed = server.replica();
    List<AccountEvent> received = new ArrayList<>();
    int total = 150;
    ExecutorService producer = Executors.newSingleThreadExecutor();
    try {
      Watch first = Watch.open(doomed, key, WatchAccountEventsRequest.getDefaultInstance(), false);
      awaitWatchers(doomed, accountId, 1);
      Future<?> produced = producer.submit(() -> {
        for (int i = 0; i < total; i++) {
          if (i % 25 == 0) {
            // Some real causes among them: a paid order.
            AlertFixtures.buy(replica, key, 100, Purpose.PURPOSE_MARKETING);
          } else {
            emit(i % 2 == 0 ? replica : server, accountId, "quota.alert_crossed", "resume-" + i);
          }
          sleepQuietly(2);
        }
        return null;
      });
      received.addAll(first.take(20));
      doomed.stopServer(Duration.ofSeconds(5));
      Status ended = first.awaitEnd();
      assertEquals(Status.Code.UNAVAILABLE, ended.getCode(), ended.toString());
      received.addAll(first.drained());

      Watch second = Watch.open(server, key, WatchAccountEventsRequest.newBuilder()
          .setAfterEventId(received.get(received.size() - 1).getEventId()).build(), false);
      received.addAll(second.take(40));
      second.cancel();
      received.addAll(second.drained());

      Watch third = Watch.open(replica, key, WatchAccountEventsRequest.newBuilder()
          .setAfterEventId(received.get(received.size() - 1).getEventId()).build(), false);
      produced.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      received.addAll(third.take(total - received.size()));
      third.cancel();
    } finally {
      producer.shutdownNow();
      doomed.close();
    }
    List<String> ids = received.stream().map(AccountEvent::getEventId).toList();
    assertEquals(ids.size(), new HashSet<>(ids).size(), "duplicates: " + ids);
    assertEquals(rows(accountId).stream().map(r -> r.get("event_id")).toList(), ids);
    assertEquals(total, ids.size());
    for (int i = 0; i < received.size(); i++) {
      assertEquals(i + 1, received.get(i).getSequence());
    }
  }

  /**
   * Several threads on both replicas write events of one account at once, holding their
   * transactions open a little after writing: the stream sees 1, 2, 3... with no hole and in order
   * (an event committing after a higher-numbered one would be missed or end the stream).
   */
  @Test
  void concurrentWritersOnOneAccountLeaveNoHoleInWhatTheStreamSees() throws Exception {
    CreateAccountResponse account = server.newAccount("Stream Writers");
    String accountId = account.getAccount().getAccountId();
    Watch watch = Watch.open(server, account.getApiKeySecret(), WatchAccountEventsRequest.getDefaultInstance(), false);
    awaitWatchers(server, accountId, 1);
    int threads = 6;
    int each = 30;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> writers = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        TestServer via = t % 2 == 0 ? server : replica;
        int thread = t;
        writers.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < each; i++) {
            String dedupe = "w" + thread + "-" + i;
            via.component().transactor().inTransaction(tx -> {
              via.component().webhookEvents().emit(tx, accountId, kind("quota.alert_crossed"), dedupe,
                  via.clock.instant(), Map.of("writer", thread, "n", dedupe));
              sleepQuietly(ThreadLocalRandom.current().nextInt(3));
              return null;
            });
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> w : writers) {
        w.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    List<AccountEvent> got = watch.take(threads * each);
    watch.cancel();
    for (int i = 0; i < got.size(); i++) {
      assertEquals(i + 1, got.get(i).getSequence(), "the stream's event " + i);
    }
    assertEquals(rows(accountId).stream().map(r -> r.get("event_id")).toList(),
        got.stream().map(AccountEvent::getEventId).toList());
  }

  /**
   * A reader that asks for one message at a time: the server sends no more than it asks for (the
   * stream's position stays at what was taken), holds nothing for it, and goes on from there.
   */
  @Test
  void aSlowReaderIsSentOnlyWhatItAsksFor() throws Exception {
    CreateAccountResponse account = server.newAccount("Stream Slow");
    String accountId = account.getAccount().getAccountId();
    Watch slow = Watch.open(server, account.getApiKeySecret(), WatchAccountEventsRequest.getDefaultInstance(), true);
    awaitWatchers(server, accountId, 1);
    int total = 400;
    String padding = "x".repeat(500);
    var c = server.component();
    c.transactor().inTransaction(tx -> {
      for (int i = 0; i < total; i++) {
        c.webhookEvents().emit(tx, accountId, kind("order.paid"), "slow-" + i, server.clock.instant(),
            Map.of("n", i, "padding", padding));
      }
      return null;
    });
    assertEquals(1, slow.take(1).get(0).getSequence());
    Thread.sleep(1500);
    long position = c.eventStreams().positions(accountId).get(0);
    assertTrue(position <= 3, "the server read past what the reader asked for: " + position);
    assertTrue(slow.events.size() <= 2, "buffered at the client: " + slow.events.size());
    slow.request(total);
    List<AccountEvent> rest = slow.take(total - 1);
    for (int i = 0; i < rest.size(); i++) {
      assertEquals(i + 2, rest.get(i).getSequence());
    }
    slow.cancel();
  }

  @Test
  void streamsPerAccountAreBoundedAndACancelledStreamIsForgotten() throws Exception {
    CreateAccountResponse account = server.newAccount("Stream Many");
    String accountId = account.getAccount().getAccountId();
    String key = account.getApiKeySecret();
    int limit = server.component().eventStreams().settings().watchersPerAccount();
    List<Watch> open = new ArrayList<>();
    for (int i = 0; i < limit; i++) {
      open.add(Watch.open(server, key, WatchAccountEventsRequest.getDefaultInstance(), false));
    }
    awaitWatchers(server, accountId, limit);
    StatusRuntimeException refused = assertRefused(Status.Code.RESOURCE_EXHAUSTED, "EVENT_WATCHERS_EXCEEDED",
        () -> first(server, key, WatchAccountEventsRequest.getDefaultInstance()));
    assertEquals("account", Errors.details(refused, com.google.rpc.ErrorInfo.class).get(0).getMetadataMap().get("scope"));
    // Another replica has room of its own.
    Watch elsewhere = Watch.open(replica, key, WatchAccountEventsRequest.getDefaultInstance(), false);
    awaitWatchers(replica, accountId, 1);
    open.get(0).cancel();
    awaitWatchers(server, accountId, limit - 1);
    Watch again = Watch.open(server, key, WatchAccountEventsRequest.getDefaultInstance(), false);
    awaitWatchers(server, accountId, limit);
    emit(server, accountId, "order.paid", "many");
    assertEquals(1, again.take(1).get(0).getSequence());
    assertEquals(1, elsewhere.take(1).get(0).getSequence());
    again.cancel();
    elsewhere.cancel();
    open.forEach(Watch::cancel);
    awaitWatchers(server, accountId, 0);
    awaitWatchers(replica, accountId, 0);
  }

  @Test
  void aReplicaServesAtMostItsLimitOfStreams() throws Exception {
    var d = io.resourceplans.domain.event.EventStreamSettings.defaults();
    var two = new io.resourceplans.domain.event.EventStreamSettings(d.retention(), d.purgePeriod(), d.purgeBatchSize(),
        d.maxBatchesPerRun(), 1, 2, d.pollPeriod(), d.pageSize());
    try (TestServer small = new TestServer(two)) {
      List<Watch> open = new ArrayList<>();
      for (String name : List.of("Stream Limit A", "Stream Limit B")) {
        CreateAccountResponse a = small.newAccount(name);
        open.add(Watch.open(small, a.getApiKeySecret(), WatchAccountEventsRequest.getDefaultInstance(), false));
        awaitWatchers(small, a.getAccount().getAccountId(), 1);
      }
      String third = small.newAccount("Stream Limit C").getApiKeySecret();
      StatusRuntimeException refused = assertRefused(Status.Code.RESOURCE_EXHAUSTED, "EVENT_WATCHERS_EXCEEDED",
          () -> first(small, third, WatchAccountEventsRequest.getDefaultInstance()));
      assertEquals("server", Errors.details(refused, com.google.rpc.ErrorInfo.class).get(0).getMetadataMap().get("scope"));
      assertEquals(1, Errors.details(refused, com.google.rpc.RetryInfo.class).size());
      open.forEach(Watch::cancel);
    }
  }

  /** On a server of its own: it moves its clock past the retention. */
  @Test
  void aCursorPastTheRetentionIsRefusedNeverSkipped() throws Exception {
    try (TestServer own = new TestServer(TestServer.testEventSettings())) {
      CreateAccountResponse account = own.newAccount("Stream Old");
      String accountId = account.getAccount().getAccountId();
      String key = account.getApiKeySecret();
      emit(own, accountId, "order.paid", "old-1");
      emit(own, accountId, "order.paid", "old-2");
      String oldest = (String) rows(own, accountId).get(0).get("event_id");
      // A stream that stays behind at event 1 (asks for nothing more).
      Watch blocked = Watch.open(own, key, WatchAccountEventsRequest.newBuilder().setAfterEventId(oldest).build(), 0);
      awaitWatchers(own, accountId, 1);

      own.clock.advance(Duration.ofDays(8));
      emit(own, accountId, "order.paid", "new-3");
      assertEquals(2, own.component().eventRetention().runOnce());
      assertEquals(1, rows(own, accountId).size());

      assertRefused(Status.Code.FAILED_PRECONDITION, "EVENT_CURSOR_EXPIRED",
          () -> first(own, key, WatchAccountEventsRequest.newBuilder().setAfterEventId(oldest).build()));
      assertRefused(Status.Code.FAILED_PRECONDITION, "EVENT_CURSOR_EXPIRED",
          () -> first(own, key, WatchAccountEventsRequest.newBuilder().setAfterSequence(1).build()));
      // The stream that was behind finds events 2 gone when it reads on: it ends, never skips.
      blocked.request(10);
      Status ended = blocked.awaitEnd();
      assertEquals(Status.Code.FAILED_PRECONDITION, ended.getCode(), ended.toString());
      assertEquals("EVENT_CURSOR_EXPIRED", Errors.reason(blocked.error()));
      assertTrue(blocked.drained().isEmpty());
      // From the oldest retained: event 3; numbering goes on.
      Watch fresh = Watch.open(own, key, WatchAccountEventsRequest.newBuilder().setFromOldestRetained(true).build(), false);
      assertEquals(3, fresh.take(1).get(0).getSequence());
      fresh.cancel();
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** A client of the stream; with {@code initial} set, it asks for that many messages and then what it is told. */
  static final class Watch implements ClientResponseObserver<WatchAccountEventsRequest, WatchAccountEventsResponse> {
    final LinkedBlockingQueue<AccountEvent> events = new LinkedBlockingQueue<>();
    final CompletableFuture<Throwable> end = new CompletableFuture<>();
    /** The stream's start position (its first message). */
    final CompletableFuture<Long> started = new CompletableFuture<>();
    private final Integer initial;
    ClientCallStreamObserver<WatchAccountEventsRequest> call;

    private Watch(Integer initial) {
      this.initial = initial;
    }

    static Watch open(TestServer s, String key, WatchAccountEventsRequest request, boolean manual) {
      return open(s, key, request, manual ? 1 : null);
    }

    static Watch open(TestServer s, String key, WatchAccountEventsRequest request, Integer initial) {
      Watch w = new Watch(initial);
      ActivationServiceGrpc.newStub(s.channel()).withCallCredentials(TestServer.bearer(key)).watchAccountEvents(request, w);
      return w;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<WatchAccountEventsRequest> requestStream) {
      call = requestStream;
      if (initial != null) {
        requestStream.disableAutoRequestWithInitial(initial);
      }
    }

    @Override
    public void onNext(WatchAccountEventsResponse value) {
      if (value.hasStarted()) {
        assertTrue(started.complete(value.getStarted().getAfterSequence()), "started twice");
        assertTrue(events.isEmpty(), "started after an event");
        if (initial != null && initial > 0) {
          // Asked-for messages are counted in events.
          call.request(1);
        }
        return;
      }
      assertTrue(started.isDone(), "an event before started");
      events.add(value.getEvent());
    }

    @Override
    public void onError(Throwable t) {
      end.complete(t);
    }

    @Override
    public void onCompleted() {
      end.complete(null);
    }

    void request(int n) {
      call.request(n);
    }

    /** The next {@code n} events, failing if they do not come in time or the stream ends first. */
    List<AccountEvent> take(int n) throws InterruptedException {
      List<AccountEvent> out = new ArrayList<>();
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (out.size() < n) {
        AccountEvent e = events.poll(100, TimeUnit.MILLISECONDS);
        if (e != null) {
          out.add(e);
          continue;
        }
        if (end.isDone() && events.isEmpty()) {
          fail("the stream ended after " + out.size() + " of " + n + " events: " + end.getNow(null));
        }
        if (System.nanoTime() > deadline) {
          fail("only " + out.size() + " of " + n + " events came within " + WAIT);
        }
      }
      return out;
    }

    /** What arrived and was not taken. */
    List<AccountEvent> drained() {
      List<AccountEvent> out = new ArrayList<>();
      events.drainTo(out);
      return out;
    }

    Status awaitEnd() throws Exception {
      Throwable t = end.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      return t == null ? Status.OK : Status.fromThrowable(t);
    }

    StatusRuntimeException error() throws Exception {
      Throwable t = end.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertNotNull(t);
      return (StatusRuntimeException) t;
    }

    void cancel() {
      call.cancel("done", null);
    }
  }

  /** Opens a stream and waits for its first event or its refusal (the refusal is thrown). */
  private static void first(TestServer s, String key, WatchAccountEventsRequest request) {
    var events = s.activation(key).withDeadlineAfter(10, TimeUnit.SECONDS).watchAccountEvents(request);
    // A refusal is thrown; an accepted stream answers started at once.
    events.hasNext();
    throw new AssertionError("the stream was accepted: " + events.next());
  }

  private static void awaitWatchers(TestServer s, String accountId, int n) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (s.component().eventStreams().positions(accountId).size() != n) {
      if (System.nanoTime() > deadline) {
        fail("the server has " + s.component().eventStreams().positions(accountId).size() + " streams, not " + n);
      }
      Thread.sleep(10);
    }
  }

  private static io.resourceplans.domain.webhook.WebhookEventKind kind(String wire) {
    for (var k : io.resourceplans.domain.webhook.WebhookEventKind.values()) {
      if (k.wireName().equals(wire)) {
        return k;
      }
    }
    throw new IllegalArgumentException(wire);
  }

  /** One event, in a transaction of its own on {@code s}. */
  private static void emit(TestServer s, String accountId, String kind, String dedupeKey) {
    var c = s.component();
    c.transactor().inTransaction(tx -> c.webhookEvents().emit(
        tx, accountId, kind(kind), dedupeKey, s.clock.instant(), Map.of("n", dedupeKey)));
  }

  private static List<Map<String, Object>> rows(String accountId) {
    return rows(server, accountId);
  }

  private static List<Map<String, Object>> rows(TestServer s, String accountId) {
    return s.jdbi().withHandle(h -> h.createQuery(
            "select sequence, event_id, payload from account_events where account_id = :a order by sequence")
        .bind("a", accountId).mapToMap().list());
  }

  private static String subUserKey(CreateAccountResponse owner) {
    var activation = server.activation(owner.getApiKeySecret());
    String subUserId = activation.createSubUser(CreateSubUserRequest.newBuilder()
            .setRequestId(TestServer.requestId()).setDisplayName("ops")
            .addPermissions(Permission.PERMISSION_PRODUCT_ACCESS).build())
        .getSubUser().getSubUserId();
    return activation.createApiKey(CreateApiKeyRequest.newBuilder()
            .setRequestId(TestServer.requestId()).setSubUserId(subUserId).setDisplayName("ops key").build())
        .getSecret();
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
