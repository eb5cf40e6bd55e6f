package io.resourceplans.client;

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Grpc;
import io.grpc.HandlerRegistry;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.resourceplans.server.testing.RawBytes;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * A gRPC proxy on a loopback port in front of the real server, passing every unary call through
 * byte for byte, that a test can tell to fail the next calls of a method: refused before the
 * server sees them, or answered UNAVAILABLE after the server committed them (the answer lost on
 * the way back, as when a connection drops). It records each attempt it sees.
 */
final class FaultProxy implements AutoCloseable {
  /** One attempt of a call, as the proxy saw it. */
  record Attempt(String method, byte[] request, long nanoTime) {}

  private static final Metadata.Key<String> PUSHBACK =
      Metadata.Key.of("grpc-retry-pushback-ms", Metadata.ASCII_STRING_MARSHALLER);

  private final IntSupplier backendPort;
  private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
  private final List<Attempt> attempts = java.util.Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private ManagedChannel backend;
  private Server server;

  /** A proxy to the port given once the backend has started (it is read by {@link #start()}). */
  FaultProxy(IntSupplier backendPort) {
    this.backendPort = backendPort;
  }

  private sealed interface Fault permits Refuse, LoseAnswer {}

  private record Refuse(com.google.rpc.Status status, Long pushbackMillis) implements Fault {}

  private record LoseAnswer() implements Fault {}

  /** Starts listening on a free loopback port, forwarding to the backend. */
  void start() throws IOException {
    backend =
        Grpc.newChannelBuilderForAddress("127.0.0.1", backendPort.getAsInt(), InsecureChannelCredentials.create()).build();
    server =
        io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder.forAddress(
                new java.net.InetSocketAddress("127.0.0.1", 0), InsecureServerCredentials.create())
            .fallbackHandlerRegistry(new Forwarding())
            .build()
            .start();
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    backend.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  /** The target string a client connects to. */
  String target() {
    return "127.0.0.1:" + server.getPort();
  }

  /**
   * The next call of this method (e.g. "resourceplans.v1.PlanService/RecordUsage") is refused
   * with this code and reason before the server sees it, with a RetryInfo and the gRPC pushback
   * trailer when {@code retryDelayMillis} is not null, as the server sends them.
   */
  void refuseNext(String method, Status.Code code, String reason, Long retryDelayMillis) {
    com.google.rpc.Status.Builder status =
        com.google.rpc.Status.newBuilder()
            .setCode(code.value())
            .setMessage(reason + ": injected by the test proxy")
            .addDetails(Any.pack(ErrorInfo.newBuilder().setReason(reason).setDomain("resourceplans.io").build()));
    if (retryDelayMillis != null) {
      status.addDetails(
          Any.pack(
              RetryInfo.newBuilder()
                  .setRetryDelay(com.google.protobuf.util.Durations.fromMillis(retryDelayMillis))
                  .build()));
    }
    queue(method).add(new Refuse(status.build(), retryDelayMillis));
  }

  /** The next call of this method reaches the server, which commits it; its answer is lost. */
  void loseNextAnswer(String method) {
    queue(method).add(new LoseAnswer());
  }

  /** Every attempt of this method seen since the last {@link #reset()}. */
  List<Attempt> attempts(String method) {
    synchronized (attempts) {
      return attempts.stream().filter(a -> a.method().equals(method)).toList();
    }
  }

  /** The most calls the proxy had in flight at once since the last reset. */
  int maxInFlight() {
    return maxInFlight.get();
  }

  void reset() {
    faults.clear();
    attempts.clear();
    maxInFlight.set(0);
  }

  private Deque<Fault> queue(String method) {
    return faults.computeIfAbsent(method, m -> new ArrayDeque<>());
  }

  private Fault nextFault(String method) {
    Deque<Fault> queue = faults.get(method);
    if (queue == null) {
      return null;
    }
    synchronized (queue) {
      return queue.poll();
    }
  }

  private final class Forwarding extends HandlerRegistry {
    @Override
    public ServerMethodDefinition<?, ?> lookupMethod(String fullMethodName, String authority) {
      MethodDescriptor<byte[], byte[]> method = RawBytes.unary(fullMethodName);
      return ServerMethodDefinition.create(method, new Handler(method));
    }
  }

  private final class Handler implements ServerCallHandler<byte[], byte[]> {
    private final MethodDescriptor<byte[], byte[]> method;

    Handler(MethodDescriptor<byte[], byte[]> method) {
      this.method = method;
    }

    @Override
    public ServerCall.Listener<byte[]> startCall(ServerCall<byte[], byte[]> call, Metadata headers) {
      call.request(1);
      return new ServerCall.Listener<>() {
        @Override
        public void onMessage(byte[] request) {
          String name = method.getFullMethodName();
          attempts.add(new Attempt(name, request, System.nanoTime()));
          maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          Fault fault = nextFault(name);
          if (fault instanceof Refuse refuse) {
            io.grpc.StatusRuntimeException refusal = StatusProto.toStatusRuntimeException(refuse.status());
            Metadata trailers = refusal.getTrailers();
            if (refuse.pushbackMillis() != null) {
              trailers.put(PUSHBACK, Long.toString(refuse.pushbackMillis()));
            }
            inFlight.decrementAndGet();
            call.close(refusal.getStatus(), trailers);
            return;
          }
          forward(call, headers, request, fault instanceof LoseAnswer);
        }
      };
    }

    private void forward(ServerCall<byte[], byte[]> call, Metadata headers, byte[] request, boolean loseAnswer) {
      Metadata forwarded = new Metadata();
      forwarded.merge(headers);
      ClientCall<byte[], byte[]> out = backend.newCall(method, CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS));
      out.start(
          new ClientCall.Listener<>() {
            private byte[] response;

            @Override
            public void onMessage(byte[] message) {
              response = message;
            }

            @Override
            public void onClose(Status status, Metadata trailers) {
              inFlight.decrementAndGet();
              if (loseAnswer) {
                call.close(Status.UNAVAILABLE.withDescription("answer lost by the test proxy"), new Metadata());
                return;
              }
              if (status.isOk() && response != null) {
                call.sendHeaders(new Metadata());
                call.sendMessage(response);
              }
              call.close(status, trailers);
            }
          },
          forwarded);
      out.request(1);
      out.sendMessage(request);
      out.halfClose();
    }
  }
}
