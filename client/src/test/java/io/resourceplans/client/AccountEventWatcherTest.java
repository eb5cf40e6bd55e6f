package io.resourceplans.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.MethodDescriptor;
import io.resourceplans.api.v1.AccountEvent;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.ErrorReason;
import io.resourceplans.api.v1.WatchAccountEventsRequest;
import io.resourceplans.domain.webhook.WebhookEventKind;
import io.resourceplans.server.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * AccountEventWatcher against two replicas behind one "load balancer" (a channel whose target the
 * test switches): the replica serving the stream shuts down mid-stream while events keep coming,
 * and the watcher resumes on the other one after the last event it handed out; the handler sees
 * every event once, in order. A cursor past the retention stops it with EVENT_CURSOR_EXPIRED.
 */
class AccountEventWatcherTest {
  @RegisterExtension static final TestServer server = TestServer.forClass();

  @Test
  void everyEventIsHandedOutOnceInOrderAcrossAReplicaShutdown() throws Exception {
    TestServer doomed = server.replica();
    AtomicReference<Channel> target = new AtomicReference<>(doomed.channel());
    Channel balancer = new Channel() {
      @Override
      public <Q, R> ClientCall<Q, R> newCall(MethodDescriptor<Q, R> method, CallOptions options) {
        return target.get().newCall(method, options);
      }

      @Override
      public String authority() {
        return "resource-plans";
      }
    };
    CreateAccountResponse account = server.newAccount("Watcher Buyer");
    String accountId = account.getAccount().getAccountId();
    List<AccountEvent> handled = Collections.synchronizedList(new ArrayList<>());
    int total = 120;
    try (ResourcePlansClient client =
            ResourcePlansClient.overChannel(balancer, account.getApiKeySecret(), Duration.ofSeconds(10));
        AccountEventWatcher watcher =
            client.watchAccountEvents(WatchAccountEventsRequest.getDefaultInstance(), handled::add)) {
      await(() -> doomed.component().eventStreams().positions(accountId).size() == 1);
      Thread producer = new Thread(() -> {
        for (int i = 0; i < total; i++) {
          emit(accountId, "w-" + i);
          try {
            Thread.sleep(2);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      producer.start();
      await(() -> handled.size() >= 20);
      target.set(server.channel());
      doomed.stopServer(Duration.ofSeconds(5));
      producer.join(30_000);
      await(() -> handled.size() >= total);
      Thread.sleep(200);
      assertEquals(total, handled.size());
      for (int i = 0; i < total; i++) {
        assertEquals(i + 1, handled.get(i).getSequence());
      }
      List<String> ids = server.jdbi().withHandle(h -> h.createQuery(
              "select event_id from account_events where account_id = :a order by sequence")
          .bind("a", accountId).mapTo(String.class).list());
      assertEquals(ids, handled.stream().map(AccountEvent::getEventId).toList());
      assertEquals(Optional.of(ids.get(total - 1)), watcher.lastEventId());
    } finally {
      doomed.close();
    }
  }

  @Test
  void anUnknownCursorStopsTheWatcherWithItsReason() throws Exception {
    CreateAccountResponse account = server.newAccount("Watcher Late");
    try (ResourcePlansClient client =
            ResourcePlansClient.overChannel(server.channel(), account.getApiKeySecret(), Duration.ofSeconds(10));
        AccountEventWatcher watcher = client.watchAccountEvents(
            WatchAccountEventsRequest.newBuilder().setAfterEventId("evt-0123456789abcdef").build(),
            e -> fail("no event expected"))) {
      ExecutionException e = assertThrows(ExecutionException.class, () -> watcher.stopped().get(30, TimeUnit.SECONDS));
      ResourcePlansException refused = assertInstanceOf(ResourcePlansException.class, e.getCause());
      assertEquals(ErrorReason.EVENT_CURSOR_EXPIRED, refused.reason());
    }
  }

  private static void emit(String accountId, String dedupeKey) {
    var c = server.component();
    c.transactor().inTransaction(tx -> c.webhookEvents().emit(
        tx, accountId, WebhookEventKind.ORDER_PAID, dedupeKey, server.clock.instant(), Map.of("n", dedupeKey)));
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("not within 30 s");
      }
      Thread.sleep(10);
    }
  }
}
