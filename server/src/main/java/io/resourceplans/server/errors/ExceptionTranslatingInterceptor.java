package io.resourceplans.server.errors;

import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.resourceplans.domain.error.DomainException;
import java.sql.SQLException;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns whatever a handler throws into a status. Domain refusals go through {@link StatusMapper};
 * anything else is INTERNAL with a correlation ID, logged once without message text or stack trace
 * (exception messages can carry SQL or values), so nothing sensitive reaches the caller or the log.
 */
@Singleton
public final class ExceptionTranslatingInterceptor implements ServerInterceptor {
  private static final Logger log = LoggerFactory.getLogger(ExceptionTranslatingInterceptor.class);

  @Inject
  public ExceptionTranslatingInterceptor() {}

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    ServerCall.Listener<Q> delegate;
    try {
      delegate = next.startCall(call, headers);
    } catch (RuntimeException e) {
      close(call, e);
      return new ServerCall.Listener<>() {};
    }
    return new SimpleForwardingServerCallListener<>(delegate) {
      // Once a failure closed the call, the handler hears nothing more of the request: a half-close
      // after a failed message would make it answer a call that is already answered.
      private volatile boolean failed;

      @Override
      public void onMessage(Q message) {
        if (failed) {
          return;
        }
        try {
          super.onMessage(message);
        } catch (RuntimeException e) {
          failed = true;
          close(call, e);
        }
      }

      @Override
      public void onHalfClose() {
        if (failed) {
          return;
        }
        try {
          super.onHalfClose();
        } catch (RuntimeException e) {
          failed = true;
          close(call, e);
        }
      }

      @Override
      public void onReady() {
        if (failed) {
          return;
        }
        try {
          super.onReady();
        } catch (RuntimeException e) {
          failed = true;
          close(call, e);
        }
      }
    };
  }

  private static void close(ServerCall<?, ?> call, RuntimeException e) {
    StatusException status = translate(call.getMethodDescriptor().getFullMethodName(), e);
    try {
      call.close(status.getStatus(), status.getTrailers() == null ? new io.grpc.Metadata() : status.getTrailers());
    } catch (IllegalStateException alreadyClosed) {
      log.warn("rpc={} failed after its call was closed: {}", call.getMethodDescriptor().getFullMethodName(), describe(e));
    }
  }

  static StatusException translate(String method, RuntimeException e) {
    if (e instanceof DomainException domain) {
      return StatusProto.toStatusException(StatusMapper.toStatus(domain));
    }
    if (e instanceof StatusRuntimeException sre) {
      return new StatusException(sre.getStatus(), sre.getTrailers());
    }
    String correlationId = UUID.randomUUID().toString();
    log.error("internal error correlation_id={} rpc={} cause={}", correlationId, method, describe(e));
    return StatusProto.toStatusException(StatusMapper.internal(correlationId));
  }

  /**
   * Exception classes along the cause chain, SQL states, and the first frame of our own code: enough
   * to find the bug, with no message text that could hold SQL, values or secrets.
   */
  static String describe(Throwable e) {
    StringBuilder out = new StringBuilder();
    StackTraceElement origin = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (out.length() > 0) {
        out.append(" <- ");
      }
      out.append(t.getClass().getName());
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        out.append("(sqlstate=").append(sql.getSQLState()).append(')');
      }
      if (origin == null) {
        for (StackTraceElement frame : t.getStackTrace()) {
          if (frame.getClassName().startsWith("io.resourceplans.")) {
            origin = frame;
            break;
          }
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    if (origin != null) {
      out.append(" at ").append(origin);
    }
    return out.toString();
  }
}
