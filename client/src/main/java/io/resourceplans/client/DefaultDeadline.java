package io.resourceplans.client;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Gives every call without its own deadline the client's default one, counted from the call. */
final class DefaultDeadline implements ClientInterceptor {
  private final Duration timeout;

  DefaultDeadline(Duration timeout) {
    this.timeout = timeout;
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
