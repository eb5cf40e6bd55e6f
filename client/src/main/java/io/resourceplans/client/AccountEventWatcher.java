package io.resourceplans.client;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.resourceplans.api.v1.AccountEvent;
import io.resourceplans.api.v1.ActivationServiceGrpc;
import io.resourceplans.api.v1.WatchAccountEventsRequest;
import io.resourceplans.api.v1.WatchAccountEventsResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A resumable WatchAccountEvents stream (docs/events.md): hands each event of the account to a
 * handler, one at a time, on a thread of its own, and when the stream breaks (the replica shuts
 * down, the connection drops, a limit is reached) calls again after a backoff, resuming after the
 * last event the handler returned from (by its sequence number; before the first event, from the
 * stream's started position). So the handler sees every event once and in order, as long as the
 * watcher is not away longer than the server's retention. Events are read only as fast as the
 * handler returns (gRPC flow control: the server sends no faster).
 *
 * <p>It stops, completing {@link #stopped()} with the failure, when the server refuses for good
 * (EVENT_CURSOR_EXPIRED: away too long, reconcile and start a new watcher; PERMISSION_DENIED,
 * NOT_FOUND, INVALID_ARGUMENT, UNAUTHENTICATED) or when the handler throws (the event it threw on
 * is not counted as handled); and normally on {@link #close}. Made by
 * {@link ResourcePlansClient#watchAccountEvents}.
 */
public final class AccountEventWatcher implements AutoCloseable {
  /** What the watcher does with each event. Returning counts it as handled. */
  @FunctionalInterface
  public interface Handler {
    /**
     * Handles one event.
     *
     * @param event the event (its payload is the webhook body)
     * @throws Exception to stop the watcher; the event is not counted as handled
     */
    void handle(AccountEvent event) throws Exception;
  }

  private static final Duration INITIAL_BACKOFF = Duration.ofMillis(100);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  private static final Set<Status.Code> RETRIED = Set.of(
      Status.Code.UNAVAILABLE, Status.Code.RESOURCE_EXHAUSTED, Status.Code.ABORTED, Status.Code.DEADLINE_EXCEEDED,
      Status.Code.CANCELLED, Status.Code.INTERNAL, Status.Code.UNKNOWN);

  private final Channel channel;
  private final CallOptions options;
  private final WatchAccountEventsRequest request;
  private final Handler handler;
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private final Thread thread;
  private volatile boolean closed;
  private volatile Context.CancellableContext current;
  /** The position to resume after: the last handled event's sequence, or a stream's start. */
  private volatile Long position;
  private volatile String lastEventId;

  AccountEventWatcher(Channel channel, CallOptions options, WatchAccountEventsRequest request, Handler handler) {
    this.channel = channel;
    this.options = options;
    this.request = request;
    this.handler = handler;
    this.thread = new Thread(this::run, "account-event-watcher");
    this.thread.setDaemon(true);
  }

  AccountEventWatcher start() {
    thread.start();
    return this;
  }

  /** {@return the ID of the last event the handler returned from}, empty before the first */
  public Optional<String> lastEventId() {
    return Optional.ofNullable(lastEventId);
  }

  /**
   * {@return completes when the watcher stops}: normally after {@link #close}, exceptionally with
   * the server's refusal ({@link ResourcePlansException}) or the handler's exception
   */
  public CompletableFuture<Void> stopped() {
    return stopped;
  }

  /** Stops watching: the stream is cancelled, the handler is not called again. */
  @Override
  public void close() {
    closed = true;
    Context.CancellableContext call = current;
    if (call != null) {
      call.cancel(null);
    }
    thread.interrupt();
  }

  private void run() {
    int failures = 0;
    try {
      while (!closed) {
        Context.CancellableContext call = Context.current().withCancellation();
        current = call;
        try {
          boolean progressed = call.call(this::stream);
          if (progressed) {
            failures = 0;
          }
        } catch (StatusRuntimeException e) {
          if (closed) {
            break;
          }
          if (!RETRIED.contains(e.getStatus().getCode())) {
            stopped.completeExceptionally(ResourcePlansException.from(e, Optional.empty()));
            return;
          }
        } catch (HandlerFailed e) {
          stopped.completeExceptionally(e.getCause());
          return;
        } finally {
          call.cancel(null);
        }
        if (closed) {
          break;
        }
        Thread.sleep(backoff(failures++).toMillis());
      }
      stopped.complete(null);
    } catch (InterruptedException e) {
      stopped.complete(null);
    } catch (Exception e) {
      stopped.completeExceptionally(e);
    }
  }

  /** One call, until it ends; true when it handed out an event or started. */
  private boolean stream() {
    WatchAccountEventsRequest sent = position == null
        ? request
        : request.toBuilder().clearAfterEventId().setFromOldestRetained(false).setAfterSequence(position).build();
    Iterator<WatchAccountEventsResponse> messages =
        ClientCalls.blockingServerStreamingCall(channel, ActivationServiceGrpc.getWatchAccountEventsMethod(), options, sent);
    boolean progressed = false;
    while (!closed && messages.hasNext()) {
      WatchAccountEventsResponse message = messages.next();
      if (message.hasStarted()) {
        if (position == null) {
          position = message.getStarted().getAfterSequence();
        }
        progressed = true;
        continue;
      }
      AccountEvent event = message.getEvent();
      try {
        handler.handle(event);
      } catch (Exception e) {
        throw new HandlerFailed(e);
      }
      position = event.getSequence();
      lastEventId = event.getEventId();
      progressed = true;
    }
    return progressed;
  }

  private static Duration backoff(int failures) {
    long capped = Math.min(MAX_BACKOFF.toMillis(), INITIAL_BACKOFF.toMillis() << Math.min(failures, 20));
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(capped / 2, capped + 1));
  }

  /** The handler's exception, carried out of the call. */
  private static final class HandlerFailed extends RuntimeException {
    HandlerFailed(Exception cause) {
      super(cause);
    }
  }
}
