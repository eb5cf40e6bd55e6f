package io.resourceplans.server.testing;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.resourceplans.api.v1.CreateAccountRequest;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.OperatorServiceGrpc;
import io.resourceplans.api.v1.PlanServiceGrpc;
import io.resourceplans.api.v1.TopUpCashRequest;
import io.resourceplans.api.v1.TopUpCashResponse;
import io.resourceplans.domain.auth.AuthSettings;
import io.resourceplans.domain.billing.OrderSettings;
import io.resourceplans.domain.money.SettlementCurrency;
import io.resourceplans.domain.notification.ReminderSettings;
import io.resourceplans.server.ResourcePlansServer;
import io.resourceplans.domain.idempotency.IdempotencyPurgeSettings;
import io.resourceplans.server.di.DaggerServerComponent;
import io.resourceplans.server.grpc.NettyTransport;
import io.resourceplans.server.grpc.TransportLimits;
import io.resourceplans.server.notify.DeliverySettings;
import io.resourceplans.storage.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole server on Netty, on a free loopback port, within the given {@link TransportLimits},
 * on a fresh database: one per test class, as a static field with {@code @RegisterExtension}.
 * Channels made with {@link #channel} are shut down after the class.
 */
public final class NettyServerExtension implements BeforeAllCallback, AfterAllCallback {
  public static final String OPERATOR_KEY = "rpo.netty-test-operator-key";

  /** Connections in the test database's pool (see TestDatabase). */
  public static final int DATABASE_POOL_SIZE = 8;

  private final TransportLimits limits;
  private final List<ManagedChannel> channels = new ArrayList<>();
  private TestDatabase database;
  private ResourcePlansServer server;

  /** The production defaults for the test database's pool. */
  public static TransportLimits defaultLimits() {
    return TransportLimits.defaults(DATABASE_POOL_SIZE);
  }

  public NettyServerExtension(TransportLimits limits) {
    this.limits = limits;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    database = TestDatabase.create();
    if (database.settings().poolSize() != DATABASE_POOL_SIZE) {
      throw new IllegalStateException("the test database pool has " + database.settings().poolSize() + " connections");
    }
    server =
        DaggerServerComponent.builder()
            .transport(new NettyTransport(Optional.empty(), 0, Optional.empty(), Optional.empty(), limits))
            .dataSource(database.dataSource())
            .databaseReachability(database.reachability())
            .clock(Clock.systemUTC())
            .operatorKey(OPERATOR_KEY)
            .currency(new SettlementCurrency("CNY"))
            .orderSettings(new OrderSettings(Duration.ofHours(24)))
            .reminderSettings(new ReminderSettings(ReminderSettings.DEFAULT_OFFSETS_DAYS, Duration.ofDays(1)))
            .authSettings(new AuthSettings(AuthSettings.DEFAULT_PRINCIPAL_CACHE_TTL))
            .bindingSettings(TestServer.bindingSettings())
            .deliverySettings(
                new DeliverySettings(
                    DeliverySettings.defaults().dispatch().withPeriod(Duration.ofDays(1)),
                    DeliverySettings.defaults().smtp(),
                    DeliverySettings.defaults().sms()))
            .idempotencyPurgeSettings(IdempotencyPurgeSettings.withRetention(IdempotencyPurgeSettings.DEFAULT_RETENTION))
            .testClockSettings(io.resourceplans.domain.clock.TestClockSettings.enabledByDefault())
            .build()
            .server()
            .start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    for (ManagedChannel channel : channels) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.stop(Duration.ofSeconds(5));
    }
    if (database != null) {
      database.close();
    }
  }

  public int port() {
    return server.port();
  }

  /** The server's database, e.g. to hold a row lock or look at its sessions. */
  public TestDatabase database() {
    return database;
  }

  /** A new client connection (plaintext, to 127.0.0.1), shut down after the class. */
  public synchronized ManagedChannel channel() {
    ManagedChannel channel =
        Grpc.newChannelBuilderForAddress("127.0.0.1", port(), InsecureChannelCredentials.create()).build();
    channels.add(channel);
    return channel;
  }

  public OperatorServiceGrpc.OperatorServiceBlockingStub operator(ManagedChannel channel) {
    return OperatorServiceGrpc.newBlockingStub(channel).withCallCredentials(TestServer.bearer(OPERATOR_KEY));
  }

  public PlanServiceGrpc.PlanServiceBlockingStub plan(ManagedChannel channel, String key) {
    return PlanServiceGrpc.newBlockingStub(channel).withCallCredentials(TestServer.bearer(key));
  }

  /** An operator top-up of {@code amount} CNY, sent over the given connection without waiting. */
  public ListenableFuture<TopUpCashResponse> topUp(ManagedChannel channel, String accountId, String amount) {
    return OperatorServiceGrpc.newFutureStub(channel)
        .withCallCredentials(TestServer.bearer(OPERATOR_KEY))
        .withDeadlineAfter(60, TimeUnit.SECONDS)
        .topUpCash(
            TopUpCashRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setAccountId(accountId)
                .setAmount(Moneys.cny(amount))
                .build());
  }

  /** A new account whose wallet exists (the first top-up makes it) and holds 1.00. */
  public CreateAccountResponse accountWithWallet(ManagedChannel channel, String displayName) throws Exception {
    CreateAccountResponse account = newAccount(channel, displayName);
    topUp(channel, account.getAccount().getAccountId(), "1.00").get(10, TimeUnit.SECONDS);
    return account;
  }

  /** Opens an account as the operator, over the given connection; the response holds its key. */
  public CreateAccountResponse newAccount(ManagedChannel channel, String displayName) {
    return operator(channel)
        .createAccount(
            CreateAccountRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setDisplayName(displayName)
                .setContactEmail(displayName.toLowerCase().replace(' ', '.') + "@example.com")
                .build());
  }
}
