package io.resourceplans.server.grpc;

import io.grpc.Attributes;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallExecutorSupplier;
import io.grpc.ServerTransportFilter;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gives every client connection its own {@link ConnectionCallExecutor} over one shared pool of
 * threads: each connection runs at most {@code runningPerConnection} calls at once. The executor
 * lives in the connection's transport attributes, so it is gone with the connection.
 */
final class ConnectionExecutors extends ServerTransportFilter implements ServerCallExecutorSupplier {
  private static final Attributes.Key<Executor> EXECUTOR = Attributes.Key.create("rp.connection-executor");

  private final int runningPerConnection;
  private final ExecutorService threads;

  ConnectionExecutors(int runningPerConnection) {
    this.runningPerConnection = runningPerConnection;
    // Unbounded like gRPC's own default: the bound is per connection. Idle threads end after 60 s.
    this.threads = Executors.newCachedThreadPool(new DaemonThreads());
  }

  @Override
  public Attributes transportReady(Attributes attributes) {
    return attributes.toBuilder().set(EXECUTOR, new ConnectionCallExecutor(threads, runningPerConnection)).build();
  }

  @Override
  public <ReqT, RespT> Executor getExecutor(ServerCall<ReqT, RespT> call, Metadata headers) {
    // Never the server's default executor, which is the transport's own thread (NettyTransport):
    // a transport without our attribute gets the shared threads, without a per-connection bound.
    Executor executor = call.getAttributes().get(EXECUTOR);
    return executor != null ? executor : threads;
  }

  private static final class DaemonThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "grpc-call-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
