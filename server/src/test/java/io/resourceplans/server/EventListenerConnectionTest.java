package io.resourceplans.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import io.resourceplans.api.v1.ActivationServiceGrpc;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.WatchAccountEventsRequest;
import io.resourceplans.api.v1.WatchAccountEventsResponse;
import io.resourceplans.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The event streams' LISTEN session (EventStreamHub) is a connection of its own, not one of the
 * pool's: while streams are open it is held for good, and the pool is for the calls.
 */
class EventListenerConnectionTest {
  @RegisterExtension static final TestServer server = TestServer.forClass();

  @Test
  void anOpenStreamTakesNoConnectionFromThePool() throws Exception {
    CreateAccountResponse account = server.newAccount("Listening Shop");
    Context.CancellableContext stream = Context.current().withCancellation();
    try {
      stream.run(() -> ActivationServiceGrpc.newStub(server.channel())
          .withCallCredentials(TestServer.bearer(account.getApiKeySecret()))
          .watchAccountEvents(WatchAccountEventsRequest.getDefaultInstance(), new StreamObserver<WatchAccountEventsResponse>() {
            @Override
            public void onNext(WatchAccountEventsResponse value) {}

            @Override
            public void onError(Throwable t) {}

            @Override
            public void onCompleted() {}
          }));
      awaitListening();
      var pool = server.pool();
      // Once listening, the hub reads what committed while nobody listened (its catch-up poll) and
      // the stream its first page, each borrowing a pool connection briefly: wait until they are
      // done (the check below once saw one still in use).
      for (int i = 0; i < 500 && pool.getActiveConnections() > 0; i++) {
        Thread.sleep(10);
      }
      // The listener waits for notifications the whole time; no call is running.
      for (int i = 0; i < 20; i++) {
        assertEquals(0, pool.getActiveConnections(), "pool connections in use while only a stream is open");
        Thread.sleep(10);
      }
    } finally {
      stream.cancel(null);
    }
  }

  /** Until a session of the test database is LISTENing (the hub starts it with the first stream). */
  private static void awaitListening() throws InterruptedException {
    for (int i = 0; i < 1000; i++) {
      long listening = server.jdbi().withHandle(h -> h.createQuery("""
              select count(*) from pg_stat_activity
               where datname = current_database() and query ilike 'listen %'
              """).mapTo(Long.class).one());
      if (listening > 0) {
        return;
      }
      Thread.sleep(10);
    }
    fail("no session is listening");
  }
}
