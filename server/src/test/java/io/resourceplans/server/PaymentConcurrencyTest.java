package io.resourceplans.server;

import static io.resourceplans.server.testing.Moneys.cny;
import static io.resourceplans.server.testing.Moneys.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.StatusRuntimeException;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.CreateOrderRequest;
import io.resourceplans.api.v1.GetWalletRequest;
import io.resourceplans.api.v1.Order;
import io.resourceplans.api.v1.PayOrderRequest;
import io.resourceplans.api.v1.PayOrderResponse;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.SetCreditLineRequest;
import io.resourceplans.server.testing.Errors;
import io.resourceplans.server.testing.Buyers;
import io.resourceplans.server.testing.Ledger;
import io.resourceplans.server.testing.TestServer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Payments under concurrency: PostgreSQL row locks, not JVM locks, keep them exact. */
class PaymentConcurrencyTest {
  private static TestServer server;
  private static ExecutorService pool;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer();
    pool = Executors.newFixedThreadPool(20);
  }

  @AfterAll
  static void stop() throws Exception {
    pool.shutdownNow();
    server.close();
  }

  private static Order order(String key, long quantity) {
    return server.plan(key)
        .createOrder(
            CreateOrderRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setPlanSpecId("sms-domestic-custom")
                .setQuantity(quantity)
                .setPurpose(Purpose.PURPOSE_VERIFICATION_NOTIFICATION)
                .setRegionId("ap-southeast-1")
                .setAcceptedTermsVersion(Buyers.currentPlanTerms(server, key))
                .build())
        .getOrder();
  }

  /** Runs the calls at once (after a common start signal) and returns each outcome. */
  private static List<Object> race(List<Callable<PayOrderResponse>> calls) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Object>> futures = new ArrayList<>();
    for (Callable<PayOrderResponse> call : calls) {
      futures.add(pool.submit(() -> {
        go.await();
        try {
          return call.call();
        } catch (StatusRuntimeException e) {
          return e;
        }
      }));
    }
    go.countDown();
    List<Object> outcomes = new ArrayList<>();
    for (Future<Object> f : futures) {
      outcomes.add(f.get(60, TimeUnit.SECONDS));
    }
    return outcomes;
  }

  @Test
  void twentyConcurrentPaymentsOfOneOrderPayItOnce() throws Exception {
    CreateAccountResponse buyer = Buyers.verifiedAccount(server, "Race Buyer");
    String key = buyer.getApiKeySecret();
    Buyers.fund(server, buyer, "1000.00", null);
    Order order = order(key, 1000);
    List<Callable<PayOrderResponse>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      PayOrderRequest request = PayOrderRequest.newBuilder().setRequestId(TestServer.requestId()).setOrderId(order.getOrderId()).build();
      calls.add(() -> server.plan(key).payOrder(request));
    }
    List<Object> outcomes = race(calls);
    long paid = outcomes.stream().filter(o -> o instanceof PayOrderResponse).count();
    assertEquals(1, paid, outcomes::toString);
    for (Object o : outcomes) {
      if (o instanceof StatusRuntimeException e) {
        assertEquals("ORDER_ALREADY_PAID", Errors.reason(e));
      }
    }
    assertEquals("956.00", plain(server.plan(key).getWallet(GetWalletRequest.getDefaultInstance()).getWallet().getCashBalance()));
    long packages =
        server.jdbi().withHandle(h -> h.createQuery("select count(*) from packages where order_id = :o")
            .bind("o", order.getOrderId()).mapTo(Long.class).one());
    assertEquals(1, packages);
    Ledger.assertBalancesEqualLedgerSums(server.jdbi(), buyer.getAccount().getAccountId());
  }

  @Test
  void concurrentRetriesOfOnePaymentAllGetTheSameAnswer() throws Exception {
    CreateAccountResponse buyer = Buyers.verifiedAccount(server, "Retry Racer");
    String key = buyer.getApiKeySecret();
    Buyers.fund(server, buyer, "100.00", null);
    Order order = order(key, 1000);
    PayOrderRequest request = PayOrderRequest.newBuilder().setRequestId(TestServer.requestId()).setOrderId(order.getOrderId()).build();
    List<Callable<PayOrderResponse>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(() -> server.plan(key).payOrder(request));
    }
    List<Object> outcomes = race(calls);
    assertTrue(outcomes.stream().allMatch(o -> o.equals(outcomes.get(0))), outcomes::toString);
    assertTrue(outcomes.get(0) instanceof PayOrderResponse);
    assertEquals("56.00", plain(server.plan(key).getWallet(GetWalletRequest.getDefaultInstance()).getWallet().getCashBalance()));
    Ledger.assertBalancesEqualLedgerSums(server.jdbi(), buyer.getAccount().getAccountId());
  }

  @Test
  void concurrentPaymentsFromOneWalletNeverOverdrawTheCreditLine() throws Exception {
    CreateAccountResponse buyer = Buyers.verifiedAccount(server, "Credit Racer");
    String key = buyer.getApiKeySecret();
    String accountId = buyer.getAccount().getAccountId();
    Buyers.fund(server, buyer, "100.00", null);
    server.operator().setCreditLine(
        SetCreditLineRequest.newBuilder().setRequestId(TestServer.requestId()).setAccountId(accountId).setCreditLine(cny("50.00")).build());
    List<Callable<PayOrderResponse>> calls = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Order order = order(key, 1000); // 44.00 each; 150.00 available pays exactly three
      PayOrderRequest request = PayOrderRequest.newBuilder().setRequestId(TestServer.requestId()).setOrderId(order.getOrderId()).build();
      calls.add(() -> server.plan(key).payOrder(request));
    }
    List<Object> outcomes = race(calls);
    long paid = outcomes.stream().filter(o -> o instanceof PayOrderResponse).count();
    assertEquals(3, paid, outcomes::toString);
    for (Object o : outcomes) {
      if (o instanceof StatusRuntimeException e) {
        assertEquals("INSUFFICIENT_BALANCE", Errors.reason(e));
      }
    }
    var wallet = server.plan(key).getWallet(GetWalletRequest.getDefaultInstance()).getWallet();
    assertEquals("0.00", plain(wallet.getCashBalance()));
    assertEquals("32.00", plain(wallet.getCreditUsed()));
    assertTrue(new BigDecimal(plain(wallet.getCreditUsed())).compareTo(new BigDecimal("50.00")) <= 0);
    Ledger.assertBalancesEqualLedgerSums(server.jdbi(), accountId);
  }
}
