package io.resourceplans.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.resourceplans.api.v1.ErrorReason;
import io.resourceplans.api.v1.GetWalletRequest;
import io.resourceplans.api.v1.LogInRequest;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.RecordUsageResponse;
import io.resourceplans.client.Customers.Customer;
import io.resourceplans.storage.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Retries against the real server through a proxy that fails calls on purpose: a mutation sent
 * without a request_id gets one from the client, every attempt carries the same one, and the
 * server deducts once however many attempts it saw.
 */
class RetriesTest {
  private static final String RECORD_USAGE = "resourceplans.v1.PlanService/RecordUsage";
  private static final String GET_WALLET = "resourceplans.v1.PlanService/GetWallet";
  private static final String LOG_IN = "resourceplans.v1.BindingService/LogIn";

  @RegisterExtension static final ProxiedServer server = new ProxiedServer();

  private static Customer customer;

  @BeforeAll
  static void openAccount() {
    customer = server.customer("Retry Sender", 1);
  }

  @Test
  void aMutationWithoutRequestIdWhoseAnswerIsLostIsRetriedWithTheSameIdAndDeductsOnce() {
    long before = Customers.remaining(customer);
    server.proxy().loseNextAnswer(RECORD_USAGE);

    RecordUsageResponse answer = customer.client().plan().recordUsage(Customers.usage(7));

    List<FaultProxy.Attempt> attempts = server.proxy().attempts(RECORD_USAGE);
    assertEquals(2, attempts.size(), "the lost answer was retried once");
    assertArrayEquals(attempts.get(0).request(), attempts.get(1).request(), "both attempts sent the same request");
    String requestId = parse(attempts.get(0).request()).getRequestId();
    assertTrue(requestId.matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), requestId);
    assertEquals(requestId, answer.getUsageRecord().getRequestId());
    assertEquals(before - 7, Customers.remaining(customer), "deducted once");
  }

  @Test
  void theAsyncVariantRetriesTheSameWay() throws Exception {
    long before = Customers.remaining(customer);
    server.proxy().loseNextAnswer(RECORD_USAGE);
    server.proxy().loseNextAnswer(RECORD_USAGE);

    RecordUsageResponse answer = customer.client().plan().recordUsageAsync(Customers.usage(3)).get(30, TimeUnit.SECONDS);

    List<FaultProxy.Attempt> attempts = server.proxy().attempts(RECORD_USAGE);
    assertEquals(3, attempts.size());
    assertArrayEquals(attempts.get(0).request(), attempts.get(2).request());
    assertEquals(parse(attempts.get(2).request()).getRequestId(), answer.getUsageRecord().getRequestId());
    assertEquals(before - 3, Customers.remaining(customer), "deducted once");
  }

  @Test
  void aRetryWaitsAsLongAsTheServersRetryInfoSays() {
    server.proxy().refuseNext(RECORD_USAGE, Status.Code.UNAVAILABLE, "DATABASE_UNAVAILABLE", 1_200L);

    customer.client().plan().recordUsage(Customers.usage(1));

    List<FaultProxy.Attempt> attempts = server.proxy().attempts(RECORD_USAGE);
    assertEquals(2, attempts.size());
    long waitedMillis = TimeUnit.NANOSECONDS.toMillis(attempts.get(1).nanoTime() - attempts.get(0).nanoTime());
    assertTrue(waitedMillis >= 1_200, "the retry came after " + waitedMillis + " ms, before the 1,200 ms asked");
  }

  @Test
  void noRetryOutlivesTheDeadline() {
    server.proxy().refuseNext(RECORD_USAGE, Status.Code.UNAVAILABLE, "DATABASE_UNAVAILABLE", 5_000L);
    long start = System.nanoTime();

    ResourcePlansException e =
        assertThrows(
            ResourcePlansException.class,
            () -> customer.client().plan().withDeadline(Duration.ofMillis(800)).recordUsage(Customers.usage(1)));

    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(Status.Code.DEADLINE_EXCEEDED, e.code());
    assertTrue(e.isRetryable());
    assertTrue(e.requestId().isPresent(), "the caller learns the request_id to send again");
    assertTrue(tookMillis < 4_000, "ended at the deadline, not after the server's 5 s: " + tookMillis + " ms");
    assertEquals(1, server.proxy().attempts(RECORD_USAGE).size());
  }

  @Test
  void abortedIsRetriedAndReadsAreRetriedToo() {
    server.proxy().refuseNext(RECORD_USAGE, Status.Code.ABORTED, "CONCURRENT_MODIFICATION", null);
    server.proxy().refuseNext(GET_WALLET, Status.Code.UNAVAILABLE, "DATABASE_UNAVAILABLE", null);

    customer.client().plan().recordUsage(Customers.usage(1));
    customer.client().plan().getWallet(GetWalletRequest.getDefaultInstance());

    assertEquals(2, server.proxy().attempts(RECORD_USAGE).size());
    assertEquals(2, server.proxy().attempts(GET_WALLET).size());
  }

  @Test
  void anRpcWithoutRequestIdThatChangesStateIsNotRetried() {
    server.proxy().refuseNext(LOG_IN, Status.Code.UNAVAILABLE, "DATABASE_UNAVAILABLE", null);

    try (ResourcePlansClient operator = Customers.operator(server.target())) {
      ResourcePlansException e =
          assertThrows(
              ResourcePlansException.class,
              () -> operator.binding().logIn(LogInRequest.newBuilder().setLogin("nobody@example.com").setPassword("x").build()));
      assertEquals(ErrorReason.DATABASE_UNAVAILABLE, e.reason());
      assertFalse(e.requestId().isPresent(), "LogIn has no request_id");
    }
    assertEquals(1, server.proxy().attempts(LOG_IN).size());
  }

  @Test
  void withRetriesDisabledEveryCallIsSentOnce() {
    try (Customer once = new Customer(customer.accountId(), customer.apiKey(),
        Customers.client(server.target(), customer.apiKey(), RetrySettings.disabled()))) {
      server.proxy().refuseNext(RECORD_USAGE, Status.Code.UNAVAILABLE, "DATABASE_UNAVAILABLE", 10L);

      ResourcePlansException e =
          assertThrows(ResourcePlansException.class, () -> once.client().plan().recordUsage(Customers.usage(1)));

      assertEquals(Status.Code.UNAVAILABLE, e.code());
      assertEquals(1, server.proxy().attempts(RECORD_USAGE).size());
    }
  }

  @Test
  void aRealDatabaseOutageIsRiddenOutByRetriesAndDeductsOnce() throws Exception {
    long before = Customers.remaining(customer);
    ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    try {
      TestDatabase.Outage outage = server.server().database().outage();
      // The database comes back once the first attempt was refused and the client has retried (the
      // proxy saw a second attempt), or after 20 s: a fixed delay raced the server's own wait for a
      // connection, which can outlast a short outage and answer the first attempt.
      long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      later.execute(() -> {
        while (server.proxy().attempts(RECORD_USAGE).size() < 2 && System.nanoTime() < giveUp) {
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
        }
        outage.close();
      });

      RecordUsageResponse answer = customer.client().plan().recordUsage(Customers.usage(5));

      List<FaultProxy.Attempt> attempts = server.proxy().attempts(RECORD_USAGE);
      assertTrue(attempts.size() >= 2, "the outage was seen: " + attempts.size() + " attempt(s)");
      assertEquals(parse(attempts.get(0).request()).getRequestId(), answer.getUsageRecord().getRequestId());
      for (int i = 1; i < attempts.size(); i++) {
        long waited = TimeUnit.NANOSECONDS.toMillis(attempts.get(i).nanoTime() - attempts.get(i - 1).nanoTime());
        assertTrue(waited >= 1_000, "attempt " + i + " came " + waited + " ms after the previous one, before RetryInfo's 1 s");
      }
      assertEquals(before - 5, Customers.remaining(customer), "deducted once");
    } finally {
      later.shutdown();
      assertTrue(later.awaitTermination(10, TimeUnit.SECONDS));
    }
  }

  private static RecordUsageRequest parse(byte[] bytes) {
    try {
      return RecordUsageRequest.parseFrom(bytes);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }
}
