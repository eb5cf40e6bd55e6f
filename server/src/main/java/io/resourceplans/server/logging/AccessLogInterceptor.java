package io.resourceplans.server.logging;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.server.errors.ErrorReasons;
import io.resourceplans.server.grpc.CallScope;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The outermost API interceptor: gives each call its {@link CallScope} (correlation ID, method,
 * caller) for the log lines written while it runs, returns the correlation ID in the
 * {@code correlation-id} trailer, and writes one access-log line when the call ends, at INFO on
 * logger {@value #LOGGER}: method, code, ErrorInfo reason, duration, caller, peer, correlation ID.
 * Never a request field: those can be codes, tickets or passwords.
 */
@Singleton
public final class AccessLogInterceptor implements ServerInterceptor {
  /** The access log's logger; {@code --access-log=false} turns it off. */
  public static final String LOGGER = "io.resourceplans.access";

  public static final Metadata.Key<String> CORRELATION_ID_TRAILER =
      Metadata.Key.of("correlation-id", Metadata.ASCII_STRING_MARSHALLER);

  private static final Logger log = LoggerFactory.getLogger(LOGGER);

  @Inject
  public AccessLogInterceptor() {}

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    long started = System.nanoTime();
    CallScope scope = new CallScope(call.getMethodDescriptor().getFullMethodName());
    AtomicBoolean ended = new AtomicBoolean();
    ServerCall<Q, R> logged =
        new SimpleForwardingServerCall<>(call) {
          @Override
          public void close(Status status, Metadata trailers) {
            trailers.put(CORRELATION_ID_TRAILER, scope.correlationId());
            if (ended.compareAndSet(false, true)) {
              write(scope, call, status, ErrorReasons.of(status, trailers), started);
            }
            super.close(status, trailers);
          }
        };
    Context context = Context.current().withValue(CallScope.KEY, scope);
    ServerCall.Listener<Q> delegate = Contexts.interceptCall(context, logged, headers, next);
    return new SimpleForwardingServerCallListener<>(delegate) {
      @Override
      public void onCancel() {
        if (ended.compareAndSet(false, true)) {
          write(scope, call, Status.CANCELLED, "", started);
        }
        super.onCancel();
      }
    };
  }

  private static void write(CallScope scope, ServerCall<?, ?> call, Status status, String reason, long started) {
    if (!log.isInfoEnabled()) {
      return;
    }
    double millis = Math.round((System.nanoTime() - started) / 10_000.0) / 100.0;
    LoggingEventBuilder line =
        log.atInfo()
            .addKeyValue("method", scope.method())
            .addKeyValue("code", status.getCode().name())
            .addKeyValue("reason", reason)
            .addKeyValue("duration_ms", millis);
    Principal caller = scope.principal().orElse(null);
    line.addKeyValue("principal", caller == null ? "NONE" : caller.kind().name());
    if (caller != null && caller.accountId() != null) {
      line.addKeyValue("account_id", caller.accountId());
    }
    line.addKeyValue("peer", peer(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR)))
        .addKeyValue("correlation_id", scope.correlationId())
        .log("call");
  }

  private static String peer(SocketAddress address) {
    if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
      String host = inet.getAddress().getHostAddress();
      return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + inet.getPort();
    }
    return address == null ? "" : address.toString();
  }
}
