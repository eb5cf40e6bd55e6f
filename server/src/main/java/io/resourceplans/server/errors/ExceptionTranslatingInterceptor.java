package io.resourceplans.server.errors;

import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCategory;
import io.resourceplans.server.grpc.CallScope;
import io.resourceplans.storage.db.SqlFailures;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns whatever a handler throws into a status. Domain refusals go through {@link StatusMapper};
 * a fault that is not the caller's (the database unavailable, a conflict retried out) is logged once
 * with its cause and a correlation ID the caller also gets; anything else is INTERNAL with a
 * correlation ID, logged once. Never with message text or stack trace (exception messages can
 * carry SQL or values), so nothing sensitive reaches the caller or the log.
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
      log.warn("rpc={} failed after its call was closed: {}", call.getMethodDescriptor().getFullMethodName(), SqlFailures.describe(e));
    }
  }

  static StatusException translate(String method, RuntimeException e) {
    if (e instanceof DomainException domain) {
      if (!isFault(domain)) {
        return StatusMapper.toException(StatusMapper.toStatus(domain));
      }
      // The caller's request was fine; the system could not serve it. One line, with what went
      // wrong underneath, that the caller's correlation ID points to.
      String correlationId = correlationId();
      log.warn("rpc={} failed {} correlation_id={} cause={}", method, domain.code().reason(), correlationId,
          domain.getCause() == null ? "none" : SqlFailures.describe(domain.getCause()));
      return StatusMapper.toException(StatusMapper.toStatus(domain, correlationId));
    }
    if (e instanceof StatusRuntimeException sre) {
      return new StatusException(sre.getStatus(), sre.getTrailers());
    }
    if (SqlFailures.isUnavailable(e)) {
      // A database call outside a transaction (the transactor translates its own).
      return translate(method, SqlFailures.unavailable(e));
    }
    String correlationId = correlationId();
    log.error("internal error correlation_id={} rpc={} cause={}", correlationId, method, SqlFailures.describe(e));
    return StatusMapper.toException(StatusMapper.internal(correlationId));
  }

  /** The call's own correlation ID (as in its access-log line), or a fresh one outside a call. */
  private static String correlationId() {
    return CallScope.current().map(CallScope::correlationId).orElseGet(() -> UUID.randomUUID().toString());
  }

  /** A database outage or a conflict retried out: not the caller's doing, retryable as it is. */
  private static boolean isFault(DomainException e) {
    ErrorCategory category = e.code().category();
    return category == ErrorCategory.UNAVAILABLE || category == ErrorCategory.ABORTED;
  }
}
