package io.resourceplans.server;

import static io.resourceplans.server.testing.Moneys.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.ManagedChannel;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.GetWalletRequest;
import io.resourceplans.api.v1.TopUpCashResponse;
import io.resourceplans.server.testing.HeldWalletLock;
import io.resourceplans.server.testing.NettyServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How many calls of one connection the server runs at once. Each test floods one connection with
 * top-ups of a wallet whose row the test holds locked: every call the server runs waits inside
 * PostgreSQL on that lock, holding a pooled connection, so the lock's waiters are the calls
 * running (the test database pool has 8 connections).
 */
class CallsPerConnectionTest {
  private static final int FLOOD = 40;

  @RegisterExtension
  static final NettyServerExtension streamLimited =
      new NettyServerExtension(NettyServerExtension.defaultLimits().withCallsPerConnection(3, 0));

  @RegisterExtension
  static final NettyServerExtension runLimited =
      new NettyServerExtension(NettyServerExtension.defaultLimits().withCallsPerConnection(100, 2));

  @Test
  void aConnectionHasAtMostItsStreamLimitOfCallsOnTheServer() throws Exception {
    ManagedChannel noisy = streamLimited.channel();
    CreateAccountResponse account = streamLimited.accountWithWallet(noisy, "Stream Limited");
    String accountId = account.getAccount().getAccountId();
    List<ListenableFuture<TopUpCashResponse>> calls;
    int most;
    try (HeldWalletLock lock = HeldWalletLock.on(streamLimited.database(), accountId)) {
      calls = topUps(streamLimited, noisy, accountId, FLOOD);
      most = lock.mostWaiters(3, Duration.ofSeconds(20), Duration.ofSeconds(1));
    }
    assertEquals(3, most, "calls of the flooding connection running on the server at once");
    assertAllCredited(streamLimited, noisy, account, calls);
  }

  @Test
  void callsBeyondAConnectionsRunningLimitWaitWithoutTakingTheDatabasePool() throws Exception {
    ManagedChannel noisy = runLimited.channel();
    ManagedChannel quiet = runLimited.channel();
    CreateAccountResponse account = runLimited.accountWithWallet(noisy, "Run Limited");
    String accountId = account.getAccount().getAccountId();
    String quietKey = runLimited.newAccount(quiet, "Quiet Neighbour").getApiKeySecret();
    List<ListenableFuture<TopUpCashResponse>> calls;
    int most;
    try (HeldWalletLock lock = HeldWalletLock.on(runLimited.database(), accountId)) {
      calls = topUps(runLimited, noisy, accountId, FLOOD);
      most = lock.mostWaiters(2, Duration.ofSeconds(20), Duration.ofSeconds(1));
      // 38 calls are open on the server but not running; without the limit they would all wait for
      // the 8 pooled connections (8 running, blocked on the lock) and this call would wait too.
      for (int i = 0; i < 5; i++) {
        runLimited.plan(quiet, quietKey)
            .withDeadlineAfter(5, TimeUnit.SECONDS)
            .getWallet(GetWalletRequest.getDefaultInstance());
      }
    }
    assertEquals(2, most, "calls of the flooding connection running on the server at once");
    assertAllCredited(runLimited, noisy, account, calls);
  }

  private static List<ListenableFuture<TopUpCashResponse>> topUps(
      NettyServerExtension server, ManagedChannel channel, String accountId, int count) {
    List<ListenableFuture<TopUpCashResponse>> calls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      calls.add(server.topUp(channel, accountId, "1.00"));
    }
    return calls;
  }

  /** Once the lock is gone every call of the flood succeeds, each credited once (after the first 1.00). */
  private static void assertAllCredited(
      NettyServerExtension server, ManagedChannel channel, CreateAccountResponse account,
      List<ListenableFuture<TopUpCashResponse>> calls) throws Exception {
    Futures.allAsList(calls).get(60, TimeUnit.SECONDS);
    var wallet = server.plan(channel, account.getApiKeySecret()).getWallet(GetWalletRequest.getDefaultInstance()).getWallet();
    assertEquals((FLOOD + 1) + ".00", plain(wallet.getCashBalance()));
  }
}
