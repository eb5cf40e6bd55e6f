package io.resourceplans.server;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionService;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.resourceplans.server.bootstrap.CatalogSeeder;
import io.resourceplans.server.grpc.ApiInterceptors;
import io.resourceplans.server.grpc.DeferredGzip;
import io.resourceplans.server.grpc.ErrorDetailsReflection;
import io.resourceplans.server.grpc.ServerTransport;
import io.resourceplans.server.grpc.UnparsableRequests;
import io.resourceplans.server.health.DatabaseHealth;
import io.resourceplans.server.idempotency.IdempotencyPurgeScheduler;
import io.resourceplans.server.metrics.GrpcServerMetrics;
import io.resourceplans.server.metrics.ServerMetrics;
import io.resourceplans.server.notify.NotificationDispatchScheduler;
import io.resourceplans.server.reminders.ExpiryReminderScheduler;
import io.resourceplans.storage.db.DatabaseReachability;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gRPC server: the API services behind their interceptors, plus health and reflection (v1 and
 * v1alpha, for grpcurl and buf curl alike; it serves google/rpc/error_details.proto as well, see
 * {@link ErrorDetailsReflection}).
 */
public final class ResourcePlansServer {
  private static final Logger log = LoggerFactory.getLogger(ResourcePlansServer.class);

  private final ServerTransport transport;
  private final Set<BindableService> services;
  private final ApiInterceptors interceptors;
  private final HealthStatusManager health;
  private final DatabaseHealth databaseHealth;
  private final CatalogSeeder catalogSeeder;
  private final ExpiryReminderScheduler expiryReminders;
  private final NotificationDispatchScheduler notifications;
  private final io.resourceplans.server.notify.WebhookDispatchScheduler webhooks;
  private final IdempotencyPurgeScheduler idempotencyPurge;
  private final io.resourceplans.server.events.EventStreamHub eventStreams;
  private final io.resourceplans.server.background.BackgroundPasses passes;
  private final GrpcServerMetrics grpcMetrics;
  private final ServerMetrics metrics;
  private Server server;

  @Inject
  ResourcePlansServer(
      ServerTransport transport,
      Set<BindableService> services,
      ApiInterceptors interceptors,
      HealthStatusManager health,
      DatabaseReachability database,
      CatalogSeeder catalogSeeder,
      ExpiryReminderScheduler expiryReminders,
      NotificationDispatchScheduler notifications,
      io.resourceplans.server.notify.WebhookDispatchScheduler webhooks,
      IdempotencyPurgeScheduler idempotencyPurge,
      io.resourceplans.server.events.EventStreamHub eventStreams,
      io.resourceplans.server.background.BackgroundPasses passes,
      GrpcServerMetrics grpcMetrics,
      ServerMetrics metrics) {
    this.grpcMetrics = grpcMetrics;
    this.metrics = metrics;
    this.transport = transport;
    this.services = services;
    this.interceptors = interceptors;
    this.health = health;
    this.catalogSeeder = catalogSeeder;
    this.expiryReminders = expiryReminders;
    this.notifications = notifications;
    this.webhooks = webhooks;
    this.idempotencyPurge = idempotencyPurge;
    this.eventStreams = eventStreams;
    this.passes = passes;
    List<String> names =
        services.stream().map(s -> s.bindService().getServiceDescriptor().getName()).sorted().toList();
    this.databaseHealth = new DatabaseHealth(database, health, names);
  }

  public ResourcePlansServer start() throws IOException {
    catalogSeeder.seedIfEmpty();
    ServerBuilder<?> builder = transport.newServerBuilder().decompressorRegistry(DeferredGzip.registry());
    for (BindableService service : services) {
      // The metrics outermost: they see the answers to unparsable requests too.
      builder.addService(
          ServerInterceptors.intercept(
              UnparsableRequests.guard(ServerInterceptors.intercept(service, interceptors.interceptors())),
              grpcMetrics));
    }
    ServerServiceDefinition reflection = ProtoReflectionServiceV1.newInstance().bindService();
    builder
        .addService(health.getHealthService())
        .addService(reflection)
        .addService(ProtoReflectionService.newInstance())
        // Reflection serves google/rpc/error_details.proto too, for the details of our errors.
        .fallbackHandlerRegistry(ErrorDetailsReflection.beside(reflection));
    server = builder.build().start();
    metrics.start();
    databaseHealth.start();
    expiryReminders.start();
    notifications.start();
    webhooks.start();
    idempotencyPurge.start();
    passes.start();
    log.info("listening on {}", transport.describe());
    return this;
  }

  /** The bound TCP port (useful when configured as 0); -1 for in-process servers. */
  public int port() {
    return server.getPort();
  }

  /**
   * Graceful stop: report NOT_SERVING, refuse new calls, let in-flight calls finish within
   * {@code grace} (the background passes finish meanwhile), then cancel what is left. Returns when
   * no call runs any more, so the database can go next.
   */
  public synchronized void stop(Duration grace) throws InterruptedException {
    if (server == null || server.isTerminated()) {
      return;
    }
    long deadline = System.nanoTime() + grace.toNanos();
    health.enterTerminalState();
    databaseHealth.close();
    server.shutdown();
    // Event streams never end by themselves: end them now (UNAVAILABLE, so clients resume on
    // another replica) rather than wait out the grace.
    eventStreams.stop();
    expiryReminders.stop();
    notifications.stop();
    webhooks.stop();
    idempotencyPurge.stop();
    passes.stop();
    if (!server.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
      log.warn("calls still running after {}; cancelling them", grace);
      server.shutdownNow();
      server.awaitTermination(5, TimeUnit.SECONDS);
    }
    metrics.close();
  }

  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }
}
