package io.resourceplans.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import io.resourceplans.server.di.DaggerServerComponent;
import io.resourceplans.server.grpc.NettyTransport;
import io.resourceplans.storage.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real Netty server on a free port: reflection lists the services, health says SERVING. */
class NettyServerTest {
  private static TestDatabase database;
  private static ResourcePlansServer server;
  private static ManagedChannel channel;

  @BeforeAll
  static void start() throws Exception {
    database = TestDatabase.create();
    server =
        DaggerServerComponent.builder()
            .transport(new NettyTransport(0, Optional.empty(), Optional.empty()))
            .dataSource(database.dataSource())
            .databaseReachability(database.reachability())
            .clock(Clock.systemUTC())
            .operatorKey("rpo.netty-test")
            .currency(new io.resourceplans.domain.money.SettlementCurrency("CNY"))
            .orderSettings(new io.resourceplans.domain.billing.OrderSettings(java.time.Duration.ofHours(24)))
            .reminderSettings(io.resourceplans.domain.notification.ReminderSettings.defaults())
            .bindingSettings(io.resourceplans.server.testing.TestServer.bindingSettings())
            .authSettings(new io.resourceplans.domain.auth.AuthSettings(io.resourceplans.domain.auth.AuthSettings.DEFAULT_PRINCIPAL_CACHE_TTL))
            .deliverySettings(io.resourceplans.server.notify.DeliverySettings.defaults())
            .idempotencyPurgeSettings(io.resourceplans.domain.idempotency.IdempotencyPurgeSettings.withRetention(
                io.resourceplans.domain.idempotency.IdempotencyPurgeSettings.DEFAULT_RETENTION))
            .build()
            .server()
            .start();
    channel =
        Grpc.newChannelBuilderForAddress("127.0.0.1", server.port(), InsecureChannelCredentials.create()).build();
  }

  @AfterAll
  static void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.stop(Duration.ofSeconds(5));
    database.close();
  }

  @Test
  void reflectionListsTheApiServicesWithoutAKey() throws Exception {
    CompletableFuture<List<String>> services = new CompletableFuture<>();
    StreamObserver<ServerReflectionRequest> requests =
        ServerReflectionGrpc.newStub(channel)
            .serverReflectionInfo(
                new StreamObserver<>() {
                  @Override
                  public void onNext(ServerReflectionResponse response) {
                    services.complete(
                        response.getListServicesResponse().getServiceList().stream()
                            .map(ServiceResponse::getName)
                            .toList());
                  }

                  @Override
                  public void onError(Throwable t) {
                    services.completeExceptionally(t);
                  }

                  @Override
                  public void onCompleted() {}
                });
    requests.onNext(ServerReflectionRequest.newBuilder().setListServices("*").build());
    requests.onCompleted();
    List<String> names = services.get(10, TimeUnit.SECONDS);
    for (String expected :
        List.of(
            "resourceplans.v1.PlanService",
            "resourceplans.v1.ActivationService",
            "resourceplans.v1.BindingService",
            "resourceplans.v1.OperatorService",
            "grpc.health.v1.Health")) {
      assertTrue(names.contains(expected), () -> expected + " missing from " + names);
    }
  }

  @Test
  void healthIsServingOnceTheDatabaseAnswers() {
    var health = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS);
    assertEquals(
        HealthCheckResponse.ServingStatus.SERVING,
        health.check(HealthCheckRequest.getDefaultInstance()).getStatus());
    assertEquals(
        HealthCheckResponse.ServingStatus.SERVING,
        health.check(HealthCheckRequest.newBuilder().setService("resourceplans.v1.PlanService").build()).getStatus());
  }
}
