package io.resourceplans.server.grpc;

import com.google.protobuf.Message;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.server.errors.StatusMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses request bytes that do not parse as the RPC's request message: INVALID_ARGUMENT /
 * REQUEST_MALFORMED, or RESOURCE_EXHAUSTED / REQUEST_TOO_LARGE for a compressed message that
 * inflates past the maximum inbound message size.
 *
 * <p>gRPC parses a request with the method's marshaller before any interceptor sees it, and a
 * marshaller that throws closes the call UNKNOWN and logs a stack trace. So each method of a
 * service is given a request marshaller that never throws: it hands over either the parsed request
 * or the refusal, and the call handler wrapped around the service's closes the call with the
 * refusal before the service (or any of its interceptors) hears of a message. The service
 * descriptor keeps its schema descriptor, so server reflection still describes the service.
 */
public final class UnparsableRequests {
  private static final Logger log = LoggerFactory.getLogger(UnparsableRequests.class);

  /**
   * The Netty transport refuses a message over the size limit before any parsing (RESOURCE_EXHAUSTED,
   * as here) and reports each refusal at WARNING with a stack trace: a caller's mistake, not news
   * of the server. Held here because java.util.logging keeps loggers (and their levels) only while
   * someone references them.
   */
  private static final java.util.logging.Logger TRANSPORT_REFUSALS =
      quiet(java.util.logging.Logger.getLogger("io.grpc.netty.shaded.io.grpc.netty.NettyServerStream"));

  private static java.util.logging.Logger quiet(java.util.logging.Logger logger) {
    logger.setLevel(java.util.logging.Level.SEVERE);
    return logger;
  }

  private UnparsableRequests() {}

  /** The service with every method's request parsing guarded. */
  public static ServerServiceDefinition guard(ServerServiceDefinition service) {
    ServiceDescriptor original = service.getServiceDescriptor();
    ServiceDescriptor.Builder descriptor =
        ServiceDescriptor.newBuilder(original.getName()).setSchemaDescriptor(original.getSchemaDescriptor());
    List<ServerMethodDefinition<?, ?>> methods = new ArrayList<>();
    for (ServerMethodDefinition<?, ?> method : service.getMethods()) {
      ServerMethodDefinition<?, ?> guarded = guard(method);
      descriptor.addMethod(guarded.getMethodDescriptor());
      methods.add(guarded);
    }
    ServerServiceDefinition.Builder out = ServerServiceDefinition.builder(descriptor.build());
    methods.forEach(out::addMethod);
    return out.build();
  }

  /** What the guarded marshaller hands over instead of a request it could not parse. */
  private record Refusal(StatusException status) {}

  private static <Q, R> ServerMethodDefinition<Object, R> guard(ServerMethodDefinition<Q, R> method) {
    MethodDescriptor<Q, R> original = method.getMethodDescriptor();
    MethodDescriptor<Object, R> guarded =
        original.toBuilder(new GuardedMarshaller<>(original), original.getResponseMarshaller()).build();
    ServerCallHandler<Q, R> handler = method.getServerCallHandler();
    return ServerMethodDefinition.create(guarded, (call, headers) -> startCall(original, handler, call, headers));
  }

  private static <Q, R> ServerCall.Listener<Object> startCall(
      MethodDescriptor<Q, R> original, ServerCallHandler<Q, R> handler, ServerCall<Object, R> call, Metadata headers) {
    // The request type appears only in getMethodDescriptor(), which answers the original.
    @SuppressWarnings("unchecked")
    ServerCall<Q, R> typed = (ServerCall<Q, R>) (ServerCall<?, R>) call;
    ClosingCall<Q, R> inner = new ClosingCall<>(typed, original);
    ServerCall.Listener<Q> listener = handler.startCall(inner, headers);
    return new ServerCall.Listener<>() {
      private boolean refused;

      @Override
      @SuppressWarnings("unchecked")
      public void onMessage(Object message) {
        if (refused) {
          return;
        }
        if (message instanceof Refusal refusal) {
          refused = true;
          log.debug("rpc={} refused: {}", original.getFullMethodName(), refusal.status().getStatus().getDescription());
          inner.closeOnce(refusal.status().getStatus(), refusal.status().getTrailers());
          return;
        }
        listener.onMessage((Q) message);
      }

      @Override
      public void onHalfClose() {
        if (!refused) {
          listener.onHalfClose();
        }
      }

      @Override
      public void onCancel() {
        listener.onCancel();
      }

      @Override
      public void onComplete() {
        listener.onComplete();
      }

      @Override
      public void onReady() {
        listener.onReady();
      }
    };
  }

  /** The call as the service sees it: the original method, and a close that happens once. */
  private static final class ClosingCall<Q, R> extends SimpleForwardingServerCall<Q, R> {
    private final MethodDescriptor<Q, R> method;
    private boolean closed;

    ClosingCall(ServerCall<Q, R> call, MethodDescriptor<Q, R> method) {
      super(call);
      this.method = method;
    }

    @Override
    public MethodDescriptor<Q, R> getMethodDescriptor() {
      return method;
    }

    @Override
    public synchronized void close(Status status, Metadata trailers) {
      closed = true;
      super.close(status, trailers);
    }

    /** Closes the call unless the service (e.g. refusing the caller's key) already did. */
    synchronized void closeOnce(Status status, Metadata trailers) {
      if (!closed) {
        close(status, trailers == null ? new Metadata() : trailers);
      }
    }
  }

  /** Parses like the original marshaller, but answers a {@link Refusal} instead of throwing. */
  private static final class GuardedMarshaller<Q> implements MethodDescriptor.Marshaller<Object> {
    private final MethodDescriptor<Q, ?> original;
    private final String requestType;

    GuardedMarshaller(MethodDescriptor<Q, ?> original) {
      this.original = original;
      this.requestType = requestType(original);
    }

    @Override
    @SuppressWarnings("unchecked")
    public InputStream stream(Object value) {
      return original.streamRequest((Q) value);
    }

    @Override
    public Object parse(InputStream stream) {
      try {
        return original.parseRequest(stream);
      } catch (RuntimeException e) {
        return new Refusal(refusal(e));
      }
    }

    private StatusException refusal(RuntimeException e) {
      if (tooLarge(e)) {
        return StatusMapper.toException(
            StatusMapper.toStatus(
                new DomainException(
                    ErrorCode.REQUEST_TOO_LARGE,
                    "the request inflates past the largest message this server accepts",
                    Map.of())));
      }
      return StatusMapper.toException(
          StatusMapper.toStatus(
              new DomainException(ErrorCode.REQUEST_MALFORMED, "the request is not a valid " + requestType, Map.of())));
    }

    /** gRPC's size check runs while the message inflates, inside the parse. */
    private static boolean tooLarge(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.RESOURCE_EXHAUSTED) {
          return true;
        }
        if (t.getCause() == t) {
          break;
        }
      }
      return false;
    }

    private static String requestType(MethodDescriptor<?, ?> method) {
      if (method.getRequestMarshaller() instanceof MethodDescriptor.PrototypeMarshaller<?> prototype
          && prototype.getMessagePrototype() instanceof Message message) {
        return message.getDescriptorForType().getFullName();
      }
      return "request of " + method.getFullMethodName();
    }
  }
}
