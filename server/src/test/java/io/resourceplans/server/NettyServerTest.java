package io.resourceplans.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import io.resourceplans.server.testing.NettyServerExtension;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real Netty server on a free port: reflection lists the services, health says SERVING. */
class NettyServerTest {
  @RegisterExtension
  static final NettyServerExtension server = new NettyServerExtension(NettyServerExtension.defaultLimits());

  private static ManagedChannel channel;

  @BeforeAll
  static void connect() {
    channel = server.channel();
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
