package io.resourceplans.server.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Netty transport's threads: gRPC's method look-up runs on the transport's own thread (the
 * server's default executor is direct), so a call's interceptors and handler must still run on the
 * connection's call threads, where they may block on the database, and a blocked call must not
 * hold up the connection's other calls.
 */
class NettyTransportThreadsTest {
  private static final MethodDescriptor.Marshaller<String> TEXT = new MethodDescriptor.Marshaller<>() {
    @Override
    public InputStream stream(String value) {
      return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String parse(InputStream stream) {
      try {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };
  private static final MethodDescriptor<String, String> ECHO =
      MethodDescriptor.<String, String>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName("test.Threads/Echo")
          .setRequestMarshaller(TEXT)
          .setResponseMarshaller(TEXT)
          .build();

  /** Threads that ran an interceptor's interceptCall or the handler, in order. */
  private final List<String> threads = new CopyOnWriteArrayList<>();
  /** Calls whose request is "block" wait for this in their handler. */
  private final CountDownLatch unblock = new CountDownLatch(1);
  private final CountDownLatch blocked = new CountDownLatch(1);
  private Server server;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws IOException {
    ServerInterceptor recording = new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(
          ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        threads.add(Thread.currentThread().getName());
        return next.startCall(call, headers);
      }
    };
    ServerServiceDefinition service =
        ServerServiceDefinition.builder("test.Threads")
            .addMethod(ECHO, ServerCalls.asyncUnaryCall((String request, io.grpc.stub.StreamObserver<String> out) -> {
              threads.add(Thread.currentThread().getName());
              if (request.equals("block")) {
                blocked.countDown();
                try {
                  unblock.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              out.onNext(request);
              out.onCompleted();
            }))
            .build();
    server =
        new NettyTransport(Optional.of("127.0.0.1"), 0, Optional.empty(), Optional.empty(), TransportLimits.defaults(10))
            .newServerBuilder()
            .addService(ServerInterceptors.intercept(service, recording))
            .build()
            .start();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
  }

  @AfterEach
  void stop() throws InterruptedException {
    unblock.countDown();
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void interceptorsAndHandlerRunOnTheCallThreadsNotTheTransports() {
    assertEquals("hello", ClientCalls.blockingUnaryCall(channel, ECHO, io.grpc.CallOptions.DEFAULT, "hello"));
    assertEquals(2, threads.size(), threads::toString);
    for (String name : threads) {
      assertTrue(name.startsWith("grpc-call-"), () -> "ran on " + name + ", not a call thread: " + threads);
    }
  }

  @Test
  void aBlockedHandlerDoesNotHoldUpTheConnectionsOtherCalls() throws Exception {
    var first = ClientCalls.futureUnaryCall(channel.newCall(ECHO, io.grpc.CallOptions.DEFAULT), "block");
    assertTrue(blocked.await(10, TimeUnit.SECONDS), "the first call's handler did not start");
    // Same channel, same connection: answered while the first call's handler still waits.
    assertEquals(
        "second",
        ClientCalls.blockingUnaryCall(channel, ECHO, io.grpc.CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS),
            "second"));
    unblock.countDown();
    assertEquals("block", first.get(10, TimeUnit.SECONDS));
  }
}
