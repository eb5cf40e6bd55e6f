package io.resourceplans.client;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A client interceptor giving every call without a deadline of its own this one, counted from
 * the call's start, for callers that use gRPC stubs directly:
 * {@code ClientInterceptors.intercept(channel, DefaultDeadline.of(Duration.ofSeconds(10)))}. A
 * call without any deadline would wait forever on a server that never answers.
 */
public final class DefaultDeadline implements ClientInterceptor {
  private final Duration timeout;

  private DefaultDeadline(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * {@return the interceptor for this deadline}
   *
   * @param timeout how long a call may take (positive)
   */
  public static DefaultDeadline of(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("deadline must be positive");
    }
    return new DefaultDeadline(timeout);
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    CallOptions effective =
        options.getDeadline() == null
            ? options.withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS)
            : options;
    return next.newCall(method, effective);
  }
}
