package io.resourceplans.server.faults;

import io.grpc.ManagedChannel;
import io.resourceplans.api.v1.ActivationServiceGrpc;
import io.resourceplans.api.v1.BindingServiceGrpc;
import io.resourceplans.api.v1.OperatorServiceGrpc;
import io.resourceplans.api.v1.PlanServiceGrpc;
import io.resourceplans.server.testing.TestServer;
import java.util.concurrent.TimeUnit;

/** Blocking stubs with a caller's deadline, for a server in a child process. */
final class Stubs {
  private static final long DEADLINE_SECONDS = 10;

  private Stubs() {}

  static OperatorServiceGrpc.OperatorServiceBlockingStub operator(ManagedChannel channel) {
    return OperatorServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(TestServer.bearer(ServerProcess.OPERATOR_KEY))
        .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
  }

  static BindingServiceGrpc.BindingServiceBlockingStub binding(ManagedChannel channel) {
    return BindingServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(TestServer.bearer(ServerProcess.OPERATOR_KEY))
        .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
  }

  static PlanServiceGrpc.PlanServiceBlockingStub plan(ManagedChannel channel, String key) {
    return PlanServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(TestServer.bearer(key))
        .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
  }

  static ActivationServiceGrpc.ActivationServiceBlockingStub activation(ManagedChannel channel, String key) {
    return ActivationServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(TestServer.bearer(key))
        .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
  }
}
