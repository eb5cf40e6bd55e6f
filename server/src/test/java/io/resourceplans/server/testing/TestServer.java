package io.resourceplans.server.testing;

import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.resourceplans.api.v1.ActivationServiceGrpc;
import io.resourceplans.api.v1.BindingServiceGrpc;
import io.resourceplans.domain.binding.BindingSettings;
import io.resourceplans.domain.idempotency.IdempotencyPurgeSettings;
import io.resourceplans.api.v1.CreateAccountRequest;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.OperatorServiceGrpc;
import io.resourceplans.api.v1.PlanServiceGrpc;
import io.resourceplans.server.ResourcePlansServer;
import io.resourceplans.domain.notification.ExpiryReminderService;
import io.resourceplans.domain.notification.ReminderSettings;
import io.resourceplans.domain.notification.NotificationDispatcher;
import io.resourceplans.server.di.DaggerTestServerComponent;
import io.resourceplans.server.notify.DeliverySettings;
import io.resourceplans.server.di.TestServerComponent;
import io.resourceplans.server.grpc.InProcessTransport;
import io.resourceplans.server.metrics.MetricsHttpServer;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.resourceplans.storage.testing.MutableClock;
import io.resourceplans.storage.testing.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/**
 * The whole server, in process, on a fresh PostgreSQL database: one per test class. Stubs are
 * made per API key.
 */
public final class TestServer implements AutoCloseable, AfterAllCallback {
  public static final String OPERATOR_KEY = "rpo.test-operator-key";
  public static final String TICKET_KEY = "rpt.test-ticket-key-0123456789";

  public final MutableClock clock;
  private final TestDatabase database;
  private final TestServerComponent component;
  private final ResourcePlansServer server;
  private final ManagedChannel channel;
  /** The event stream settings, which a {@link #replica} shares. */
  private final io.resourceplans.domain.event.EventStreamSettings events;
  private MetricsHttpServer metricsHttp;

  public TestServer() throws Exception {
    this(DeliverySettings.defaults());
  }

  /**
   * A server for one test class that JUnit closes after the class, as
   * {@code @RegisterExtension static final TestServer server = TestServer.forClass();}.
   */
  public static TestServer forClass() {
    try {
      return new TestServer();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the test server", e);
    }
  }

  /**
   * With these SMTP / SMS settings (and retry policy); the dispatcher's background pass never
   * comes round during a test: tests call {@link #dispatch} themselves.
   */
  public TestServer(DeliverySettings delivery) throws Exception {
    this(delivery, io.resourceplans.domain.clock.TestClockSettings.enabledByDefault());
  }

  /** With test clocks on or off (as --test-clocks). */
  public TestServer(io.resourceplans.domain.clock.TestClockSettings testClocks) throws Exception {
    this(DeliverySettings.defaults(), testClocks);
  }

  public TestServer(DeliverySettings delivery, io.resourceplans.domain.clock.TestClockSettings testClocks)
      throws Exception {
    this(TestDatabase.create(), new MutableClock(Instant.parse("2026-11-22T08:00:00Z")), delivery, testClocks,
        testEventSettings());
  }

  /** With these event stream settings (limits, page size); the retention pass never comes round. */
  public TestServer(io.resourceplans.domain.event.EventStreamSettings events) throws Exception {
    this(TestDatabase.create(), new MutableClock(Instant.parse("2026-11-22T08:00:00Z")), DeliverySettings.defaults(),
        io.resourceplans.domain.clock.TestClockSettings.enabledByDefault(), events.withPurgePeriod(Duration.ofDays(1)));
  }

  /** The default event stream settings; the retention pass never comes round during a test. */
  public static io.resourceplans.domain.event.EventStreamSettings testEventSettings() {
    return io.resourceplans.domain.event.EventStreamSettings.defaults().withPurgePeriod(Duration.ofDays(1));
  }

  /**
   * A second replica of this server: the same database (through a pool of its own) and the same
   * clock, its own component, background passes and channel. Close it before this server.
   */
  public TestServer replica() throws Exception {
    return new TestServer(database.replica(), clock, DeliverySettings.defaults(),
        io.resourceplans.domain.clock.TestClockSettings.enabledByDefault(), events);
  }

  /**
   * Stops the server as SIGTERM does (calls in flight get {@code grace}, event streams end
   * UNAVAILABLE), leaving its channel open: calls made through it from now on fail UNAVAILABLE.
   */
  public void stopServer(Duration grace) throws InterruptedException {
    server.stop(grace);
  }

  private TestServer(
      TestDatabase database, MutableClock clock, DeliverySettings delivery,
      io.resourceplans.domain.clock.TestClockSettings testClocks,
      io.resourceplans.domain.event.EventStreamSettings events) throws Exception {
    this.database = database;
    this.clock = clock;
    this.events = events;
    String name = InProcessServerBuilder.generateName();
    component =
        (TestServerComponent) DaggerTestServerComponent.builder()
            .transport(new InProcessTransport(name))
            .dataSource(database.dataSource())
            .databaseReachability(database.reachability())
            .clock(clock)
            .operatorKey(OPERATOR_KEY)
            .currency(new io.resourceplans.domain.money.SettlementCurrency("CNY"))
            .orderSettings(new io.resourceplans.domain.billing.OrderSettings(java.time.Duration.ofHours(24)))
            // The background pass never comes round during a test: tests call runOnce themselves.
            .reminderSettings(new ReminderSettings(ReminderSettings.DEFAULT_OFFSETS_DAYS, Duration.ofDays(1)))
            .authSettings(new io.resourceplans.domain.auth.AuthSettings(io.resourceplans.domain.auth.AuthSettings.DEFAULT_PRINCIPAL_CACHE_TTL))
            .bindingSettings(bindingSettings())
            .deliverySettings(
                new DeliverySettings(delivery.dispatch().withPeriod(Duration.ofDays(1)), delivery.smtp(), delivery.sms(),
                    delivery.webhooks().withPeriod(Duration.ofDays(1))))
            // The default retention; the background purge never comes round during a test.
            .idempotencyPurgeSettings(new IdempotencyPurgeSettings(IdempotencyPurgeSettings.DEFAULT_RETENTION,
                Duration.ofDays(1), IdempotencyPurgeSettings.DEFAULT_BATCH_SIZE,
                IdempotencyPurgeSettings.DEFAULT_MAX_BATCHES_PER_RUN))
            .testClockSettings(testClocks)
            .eventStreamSettings(events)
            .build();
    server = component.server().start();
    channel = InProcessChannelBuilder.forName(name).build();
  }

  /**
   * Production defaults (5-minute tickets; codes valid 10 minutes, 5 attempts, 60 s cooldown;
   * log-in locked 15 minutes after 5 failures) with a cheap Argon2id cost so tests stay fast.
   */
  public static BindingSettings bindingSettings() {
    return new BindingSettings(
        TICKET_KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        BindingSettings.DEFAULT_TICKET_TTL,
        BindingSettings.DEFAULT_CODE_TTL,
        BindingSettings.DEFAULT_CODE_MAX_ATTEMPTS,
        BindingSettings.DEFAULT_CODE_COOLDOWN,
        64,
        1,
        BindingSettings.DEFAULT_LOGIN_MAX_FAILURES,
        BindingSettings.DEFAULT_LOGIN_LOCK_DURATION);
  }

  public BindingServiceGrpc.BindingServiceBlockingStub binding() {
    return BindingServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer(OPERATOR_KEY));
  }

  /** The server's object graph, for driving domain services (e.g. the alert rule) directly. */
  public TestServerComponent component() {
    return component;
  }

  /** The expiry-reminder pass the server's scheduler runs; tests run it with {@link #clock}. */
  public ExpiryReminderService expiryReminders() {
    return component.expiryReminders();
  }

  /** One dispatcher pass at {@link #clock}: delivers everything due. */
  public NotificationDispatcher.Pass dispatch() {
    return component.notificationDispatcher().runOnce();
  }

  /** One webhook dispatcher pass at {@link #clock}: sends every delivery due. */
  public io.resourceplans.domain.webhook.WebhookDispatcher.Pass dispatchWebhooks() {
    return component.webhookDispatcher().runOnce();
  }

  /** One idempotency purge at {@link #clock}, as the server's scheduler runs it; how many were deleted. */
  public long purgeIdempotencyRecords() {
    return component.idempotencyPurge().runOnce();
  }

  /** The one-call usage path, on this server's database. */
  public io.resourceplans.storage.quota.SqlCoveredUsageRecorder coveredUsage() {
    return new io.resourceplans.storage.quota.SqlCoveredUsageRecorder(
        database.dataSource(), io.resourceplans.storage.db.DatabaseEngine.of(database.dataSource()), clock);
  }

  /**
   * Serves the server's metrics as --metrics-port does, on a free port of 127.0.0.1, with the test
   * database's pool reporting to them as the server's pool does (its pool tag is {@link
   * #poolName()}); returns the port. Closed with the server.
   */
  public synchronized int startMetricsEndpoint() throws java.io.IOException {
    if (metricsHttp == null) {
      database.pool()
          .setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(component.meterRegistry()));
      metricsHttp = MetricsHttpServer.start(component.meterRegistry(), java.util.Optional.of("127.0.0.1"), 0);
    }
    return metricsHttp.port();
  }

  /** The test database's connection pool, as the server's calls use it. */
  public com.zaxxer.hikari.HikariPoolMXBean pool() {
    return database.pool().getHikariPoolMXBean();
  }

  /** The name of the test database's pool (the pool tag of its metrics). */
  public String poolName() {
    return database.pool().getPoolName();
  }

  /** Cuts the server off its database until the outage is closed (see {@link TestDatabase#outage}). */
  public TestDatabase.Outage databaseOutage() {
    return database.outage();
  }

  /** Direct SQL access, for checking what was (not) written. */
  public Jdbi jdbi() {
    return Jdbi.create(database.dataSource());
  }

  public long count(String table) {
    return jdbi().withHandle(h -> h.createQuery("select count(*) from " + table).mapTo(Long.class).one());
  }

  public ManagedChannel channel() {
    return channel;
  }

  public static CallCredentials bearer(String key) {
    return new CallCredentials() {
      @Override
      public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + key);
        applier.apply(headers);
      }
    };
  }

  public OperatorServiceGrpc.OperatorServiceBlockingStub operator() {
    return OperatorServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer(OPERATOR_KEY));
  }

  public ActivationServiceGrpc.ActivationServiceBlockingStub activation(String key) {
    return ActivationServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer(key));
  }

  public PlanServiceGrpc.PlanServiceBlockingStub plan(String key) {
    return PlanServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer(key));
  }

  /** Opens an account as the operator; the response carries its main key's secret. */
  public CreateAccountResponse newAccount(String displayName) {
    return operator()
        .createAccount(
            CreateAccountRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setDisplayName(displayName)
                .setContactEmail(displayName.toLowerCase().replace(' ', '.') + "@example.com")
                .build());
  }

  public static String requestId() {
    return UUID.randomUUID().toString();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    close();
  }

  @Override
  public void close() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.stop(Duration.ofSeconds(5));
    if (metricsHttp != null) {
      metricsHttp.close();
    }
    database.close();
  }
}
