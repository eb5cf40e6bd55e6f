package io.resourceplans.client;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Makes the calls of the generated service clients: fills the request ID, applies the per-view
 * deadline, and turns gRPC failures into {@link ResourcePlansException}. Retries happen below, in
 * the channel's retry policy ({@link RetrySettings}), so every attempt sends the same request ID.
 */
final class UnaryCaller {
  private final Channel channel;
  private final CallOptions options;
  private final Duration deadline;

  UnaryCaller(Channel channel, CallOptions options) {
    this(channel, options, null);
  }

  private UnaryCaller(Channel channel, CallOptions options, Duration deadline) {
    this.channel = channel;
    this.options = options;
    this.deadline = deadline;
  }

  /** This caller with a deadline of its own for every call (instead of the client's default). */
  UnaryCaller withDeadline(Duration deadline) {
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline must be positive");
    }
    return new UnaryCaller(channel, options, deadline);
  }

  <Q extends Message, R> R call(MethodDescriptor<Q, R> method, Q request) {
    Q sent = RequestIds.withRequestId(request);
    try {
      return ClientCalls.blockingUnaryCall(channel, method, callOptions(), sent);
    } catch (StatusRuntimeException e) {
      throw ResourcePlansException.from(e, RequestIds.of(sent));
    }
  }

  /**
   * A server-streaming call: its answers as they arrive (the stream is read as the iterator is);
   * a failure is thrown by {@code hasNext} or {@code next} as {@link ResourcePlansException}. Not
   * retried: a stream cut short is asked again by the caller.
   */
  <Q extends Message, R> java.util.Iterator<R> stream(MethodDescriptor<Q, R> method, Q request) {
    java.util.Iterator<R> answers = ClientCalls.blockingServerStreamingCall(channel, method, callOptions(), request);
    return new java.util.Iterator<>() {
      @Override
      public boolean hasNext() {
        try {
          return answers.hasNext();
        } catch (StatusRuntimeException e) {
          throw ResourcePlansException.from(e, Optional.empty());
        }
      }

      @Override
      public R next() {
        try {
          return answers.next();
        } catch (StatusRuntimeException e) {
          throw ResourcePlansException.from(e, Optional.empty());
        }
      }
    };
  }

  /**
   * The call without blocking. The future completes on a gRPC thread; cancelling it cancels the
   * call (a mutation may still have been made: send it again with the same request ID to know).
   */
  <Q extends Message, R> CompletableFuture<R> callAsync(MethodDescriptor<Q, R> method, Q request) {
    Q sent = RequestIds.withRequestId(request);
    Optional<String> requestId = RequestIds.of(sent);
    ClientCall<Q, R> call = channel.newCall(method, callOptions());
    CompletableFuture<R> result =
        new CompletableFuture<>() {
          @Override
          public boolean cancel(boolean mayInterruptIfRunning) {
            call.cancel("cancelled by the caller", null);
            return super.cancel(mayInterruptIfRunning);
          }
        };
    ClientCalls.asyncUnaryCall(
        call,
        sent,
        new StreamObserver<R>() {
          private R response;

          @Override
          public void onNext(R value) {
            response = value;
          }

          @Override
          public void onError(Throwable failure) {
            result.completeExceptionally(ResourcePlansException.from(failure, requestId));
          }

          @Override
          public void onCompleted() {
            result.complete(response);
          }
        });
    return result;
  }

  /**
   * Every item of a List RPC: pages fetched lazily with {@code page_token} set from the previous
   * page's {@code next_page_token} (the field names every List RPC uses, AIP-158).
   */
  <Q extends Message, R extends Message, T> Paged<T> pages(
      MethodDescriptor<Q, R> method, Q request, Function<R, List<T>> items) {
    FieldDescriptor pageToken = request.getDescriptorForType().findFieldByName("page_token");
    return new Paged<>(
        token -> {
          @SuppressWarnings("unchecked")
          Q page = token.isEmpty() ? request : (Q) request.toBuilder().setField(pageToken, token).build();
          R response = call(method, page);
          FieldDescriptor next = response.getDescriptorForType().findFieldByName("next_page_token");
          return new Paged.Page<>(items.apply(response), (String) response.getField(next));
        });
  }

  private CallOptions callOptions() {
    return deadline == null ? options : options.withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS);
  }
}
