package io.resourceplans.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.grpc.Contexts;
import io.grpc.Context;
import io.grpc.Metadata;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import io.resourceplans.api.v1.Account;
import io.resourceplans.api.v1.ActivationServiceGrpc;
import io.resourceplans.api.v1.ErrorReason;
import io.resourceplans.api.v1.GetAccountRequest;
import io.resourceplans.api.v1.GetAccountResponse;
import io.resourceplans.api.v1.GetSubUserRequest;
import io.resourceplans.api.v1.GetSubUserResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResourcePlansClientTest {
  private static final Context.Key<String> AUTH = Context.key("auth");

  private final String name = InProcessServerBuilder.generateName();
  private io.grpc.Server server;
  private io.grpc.ManagedChannel channel;

  /** Echoes the authorization header; GetSubUser is slow, except "refuse" and "newer" are refused. */
  private static final class FakeActivation extends ActivationServiceGrpc.ActivationServiceImplBase {
    @Override
    public void getAccount(GetAccountRequest request, StreamObserver<GetAccountResponse> out) {
      out.onNext(
          GetAccountResponse.newBuilder()
              .setAccount(Account.newBuilder().setDisplayName(String.valueOf(AUTH.get())))
              .build());
      out.onCompleted();
    }

    @Override
    public void getSubUser(GetSubUserRequest request, StreamObserver<GetSubUserResponse> out) {
      if (request.getSubUserId().equals("refuse") || request.getSubUserId().equals("newer")) {
        String reason = request.getSubUserId().equals("refuse") ? "SUB_USER_NOT_FOUND" : "A_REASON_FROM_THE_FUTURE";
        out.onError(
            StatusProto.toStatusRuntimeException(
                com.google.rpc.Status.newBuilder()
                    .setCode(Code.NOT_FOUND_VALUE)
                    .setMessage("no")
                    .addDetails(Any.pack(ErrorInfo.newBuilder().setReason(reason).build()))
                    .build()));
        return;
      }
      try {
        Thread.sleep(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      out.onNext(GetSubUserResponse.getDefaultInstance());
      out.onCompleted();
    }
  }

  @BeforeEach
  void start() throws Exception {
    server =
        InProcessServerBuilder.forName(name)
            .addService(
                ServerInterceptors.intercept(
                    new FakeActivation(),
                    new io.grpc.ServerInterceptor() {
                      @Override
                      public <Q, R> io.grpc.ServerCall.Listener<Q> interceptCall(
                          io.grpc.ServerCall<Q, R> call, Metadata headers, io.grpc.ServerCallHandler<Q, R> next) {
                        Context ctx = Context.current().withValue(AUTH, headers.get(BearerToken.AUTHORIZATION));
                        return Contexts.interceptCall(ctx, call, headers, next);
                      }
                    }))
            .build()
            .start();
    channel = InProcessChannelBuilder.forName(name).build();
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void sendsTheApiKeyAsBearerToken() {
    ResourcePlansClient client = ResourcePlansClient.overChannel(channel, "rpk.secret", Duration.ofSeconds(5));
    Account account = client.activation().getAccount(GetAccountRequest.getDefaultInstance()).getAccount();
    assertEquals("Bearer rpk.secret", account.getDisplayName());
  }

  @Test
  void appliesTheDefaultDeadlineToCallsWithoutOne() {
    ResourcePlansClient client = ResourcePlansClient.overChannel(channel, "k", Duration.ofMillis(200));
    ResourcePlansException e =
        assertThrows(
            ResourcePlansException.class,
            () -> client.activation().getSubUser(GetSubUserRequest.newBuilder().setSubUserId("slow").build()));
    assertEquals(Status.Code.DEADLINE_EXCEEDED, e.code());
  }

  @Test
  void aPerCallDeadlineOverridesTheDefault() {
    ResourcePlansClient client = ResourcePlansClient.overChannel(channel, "k", Duration.ofSeconds(30));
    ResourcePlansException e =
        assertThrows(
            ResourcePlansException.class,
            () ->
                client
                    .activation()
                    .withDeadline(Duration.ofMillis(100))
                    .getSubUser(GetSubUserRequest.newBuilder().setSubUserId("slow").build()));
    assertEquals(Status.Code.DEADLINE_EXCEEDED, e.code());
  }

  @Test
  void errorsCarryTheReasonAsAnEnumConstant() {
    ResourcePlansClient client = ResourcePlansClient.overChannel(channel, "rpk.secret", Duration.ofSeconds(5));
    ResourcePlansException e =
        assertThrows(
            ResourcePlansException.class,
            () -> client.activation().getSubUser(GetSubUserRequest.newBuilder().setSubUserId("refuse").build()));
    assertEquals(ErrorReason.SUB_USER_NOT_FOUND, e.reason());
    assertEquals(Status.Code.NOT_FOUND, e.code());
    assertInstanceOf(StatusRuntimeException.class, e.getCause());
    assertFalse(e.toString().contains("rpk.secret"));
  }

  @Test
  void aReasonNewerThanTheClientIsUnrecognizedWithItsName() {
    ResourcePlansClient client = ResourcePlansClient.overChannel(channel, "k", Duration.ofSeconds(5));
    ResourcePlansException e =
        assertThrows(
            ResourcePlansException.class,
            () -> client.activation().getSubUser(GetSubUserRequest.newBuilder().setSubUserId("newer").build()));
    assertEquals(ErrorReason.UNRECOGNIZED, e.reason());
    assertEquals("A_REASON_FROM_THE_FUTURE", e.reasonName());
  }

  @Test
  void builderRequiresTargetAndKey() {
    assertThrows(NullPointerException.class, () -> ResourcePlansClient.builder().apiKey("k").build());
    assertThrows(NullPointerException.class, () -> ResourcePlansClient.builder().target("localhost:1").build());
  }
}
