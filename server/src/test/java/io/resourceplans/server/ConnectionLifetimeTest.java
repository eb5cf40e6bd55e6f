package io.resourceplans.server;

import static io.resourceplans.server.testing.Moneys.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.GetWalletRequest;
import io.resourceplans.api.v1.TopUpCashResponse;
import io.resourceplans.server.testing.HeldWalletLock;
import io.resourceplans.server.testing.NettyServerExtension;
import io.resourceplans.server.testing.RawConnection;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Connections do not stay open forever: idle ones are closed, sockets that never finish the
 * handshake are closed, and peers that stop answering are dropped by keepalive. The limits are
 * shortened so the test takes seconds; bounds are several times the configured time, since only
 * "closed, eventually and boundedly" is the point, not the exact moment.
 */
class ConnectionLifetimeTest {
  /** Idle connections closed after 1 s; nothing else shortened. */
  @RegisterExtension
  static final NettyServerExtension idleLimited =
      new NettyServerExtension(NettyServerExtension.defaultLimits().withMaxConnectionIdle(Duration.ofSeconds(1)));

  /**
   * A 1 s handshake timeout; keepalive pings after 10 s of silence (gRPC's minimum), answered
   * within 1 s; no idle limit, so only these two can close a connection.
   */
  @RegisterExtension
  static final NettyServerExtension keepAliveLimited =
      new NettyServerExtension(
          NettyServerExtension.defaultLimits()
              .withMaxConnectionIdle(Duration.ZERO)
              .withHandshakeTimeout(Duration.ofSeconds(1))
              .withKeepAlive(Duration.ofSeconds(10), Duration.ofSeconds(1)));

  /** Connections asked to go away after 1 s (gRPC adds up to 10% jitter), calls given 20 s more; no idle limit. */
  @RegisterExtension
  static final NettyServerExtension ageLimited =
      new NettyServerExtension(
          NettyServerExtension.defaultLimits()
              .withMaxConnectionIdle(Duration.ZERO)
              .withMaxConnectionAge(Duration.ofSeconds(1), Duration.ofSeconds(20)));

  @Test
  void aConnectionPastItsMaxAgeIsAskedToReconnectAndItsRunningCallFinishesWithinTheGrace() throws Exception {
    ManagedChannel channel = ageLimited.channel();
    CreateAccountResponse account = ageLimited.accountWithWallet(channel, "Aged Connection");
    ListenableFuture<TopUpCashResponse> held;
    try (HeldWalletLock lock = HeldWalletLock.on(ageLimited.database(), account.getAccount().getAccountId())) {
      held = ageLimited.topUp(channel, account.getAccount().getAccountId(), "2.00");
      assertEquals(1, lock.mostWaiters(1, Duration.ofSeconds(10), Duration.ZERO));
      // a call is running, so the connection is not idle: only its age can end it
      assertTrue(leavesState(channel, ConnectivityState.READY, Duration.ofSeconds(15)), "not asked to go away after 15 s");
    }
    held.get(10, TimeUnit.SECONDS); // answered OK on the old connection, within its grace
    // and the channel's next call goes over a new connection
    assertEquals("3.00", plain(ageLimited.plan(channel, account.getApiKeySecret())
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .getWallet(GetWalletRequest.getDefaultInstance()).getWallet().getCashBalance()));
  }

  @Test
  void aConnectionWithoutCallsIsClosedAfterTheIdleTimeout() throws Exception {
    ManagedChannel channel = idleLimited.channel();
    HealthGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS).check(HealthCheckRequest.getDefaultInstance());
    assertEquals(ConnectivityState.READY, channel.getState(false));
    // The server's GOAWAY turns the client's channel IDLE (it reconnects on its next call).
    assertTrue(leavesState(channel, ConnectivityState.READY, Duration.ofSeconds(15)), "still connected after 15 s");
    assertEquals(ConnectivityState.IDLE, channel.getState(false));
    // and the next call simply connects again
    HealthGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS).check(HealthCheckRequest.getDefaultInstance());
  }

  @Test
  void aSocketThatConnectsAndNeverSpeaksIsClosedAtTheHandshakeTimeout() throws Exception {
    try (RawConnection silent = RawConnection.open(keepAliveLimited.port())) {
      // keepalive alone would take 11 s: closed well before that, it was the handshake timeout
      Duration open = silent.awaitClosedByServer(Duration.ofSeconds(8));
      assertNotNull(open, "a socket that never sent the HTTP/2 preface was still open after 8 s");
    }
  }

  @Test
  void aPeerThatStopsAnsweringIsDroppedByKeepaliveWhileAHealthyIdleClientStays() throws Exception {
    ManagedChannel healthy = keepAliveLimited.channel();
    HealthGrpc.newBlockingStub(healthy).withDeadlineAfter(5, TimeUnit.SECONDS).check(HealthCheckRequest.getDefaultInstance());
    try (RawConnection gone = RawConnection.open(keepAliveLimited.port()).speakHttp2ThenFallSilent()) {
      // past the handshake (so its timeout does not apply) and never idle-closed (no idle limit):
      // only an unanswered keepalive ping, 10 s + 1 s after it fell silent, ends it
      Duration open = gone.awaitClosedByServer(Duration.ofSeconds(30));
      assertNotNull(open, "a peer that answers no ping was still connected after 30 s");
      assertTrue(open.compareTo(Duration.ofSeconds(5)) > 0, "closed after " + open + ", before any keepalive ping was due");
    }
    // the channel that answered the same pings is still connected
    assertEquals(ConnectivityState.READY, healthy.getState(false));
  }

  /** Waits until the channel is no longer in {@code state}; false if it still is after {@code within}. */
  private static boolean leavesState(ManagedChannel channel, ConnectivityState state, Duration within)
      throws InterruptedException {
    CountDownLatch changed = new CountDownLatch(1);
    channel.notifyWhenStateChanged(state, changed::countDown);
    return changed.await(within.toMillis(), TimeUnit.MILLISECONDS);
  }
}
