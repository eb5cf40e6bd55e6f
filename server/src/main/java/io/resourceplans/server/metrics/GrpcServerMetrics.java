package io.resourceplans.server.metrics;

import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.resourceplans.api.v1.ErrorReason;
import io.resourceplans.server.errors.ErrorReasons;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Server metrics of every API call: calls by method, status code and ErrorInfo reason, latency by
 * method and code (a histogram), and calls in flight by method; plus the verification-code and
 * login-ticket refusals, counted from the same reasons. Registered outermost, around the guard
 * against unparsable requests (ResourcePlansServer), so every answer the API gives is counted,
 * refusals of unparsable requests and unauthenticated callers included. Health and reflection are
 * not measured.
 *
 * <p>Ours rather than Micrometer's {@code MetricCollectingServerInterceptor}: that one tags by
 * service, method and status code but has no reason tag and no calls-in-flight gauge, and names its
 * meters after messages received and sent, which a unary API has no use for.
 *
 * <p>Every tag value is bounded: the method comes from the service's descriptor (only methods the
 * server has reach here), the code from {@link Status.Code}, the reason from {@link ErrorReason} (any
 * other is "OTHER"). A call that ends before it is answered counts at that moment, whatever the
 * service answers later: CANCELLED when the client cancelled it (also when the client's deadline
 * passed first), DEADLINE_EXCEEDED when the server found its deadline passed.
 */
@Singleton
public final class GrpcServerMetrics implements ServerInterceptor {
  static final String CALLS = "rp.grpc.server.calls";
  static final String DURATION = "rp.grpc.server.call.duration";
  static final String IN_FLIGHT = "rp.grpc.server.calls.in.flight";
  static final String CODE_FAILURES = "rp.verification.code.failures";
  static final String TICKET_FAILURES = "rp.login.ticket.failures";

  /** Latency buckets: 1 ms to 30 s, 1-2.5-5 steps (the _bucket series' le values, in seconds). */
  static final Duration[] BUCKETS =
      Stream.of(1, 2, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000)
          .map(Duration::ofMillis)
          .toArray(Duration[]::new);

  /** Reasons a status may carry in its ErrorInfo (error_reason.proto); others are recorded as OTHER. */
  private static final Set<String> REASONS =
      Arrays.stream(ErrorReason.values())
          .filter(r -> r != ErrorReason.ERROR_REASON_UNSPECIFIED && r != ErrorReason.UNRECOGNIZED)
          .map(ErrorReason::name)
          .collect(Collectors.toUnmodifiableSet());

  private static final String CODE_PREFIX = "VERIFICATION_CODE_";
  private static final String TICKET_PREFIX = "LOGIN_TICKET_";

  private final MeterRegistry registry;
  private final ConcurrentMap<String, MethodMeters> methods = new ConcurrentHashMap<>();

  @Inject
  public GrpcServerMetrics(MeterRegistry registry) {
    this.registry = registry;
    // Present (at 0) from the start, so that rate() and increase() see the first refusal.
    for (String reason : REASONS) {
      if (reason.startsWith(CODE_PREFIX) || reason.startsWith(TICKET_PREFIX)) {
        failureCounter(reason);
      }
    }
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    MethodMeters meters =
        methods.computeIfAbsent(call.getMethodDescriptor().getFullMethodName(), MethodMeters::new);
    Measured<Q, R> measured = new Measured<>(call, meters);
    meters.inFlight.incrementAndGet();
    // The call's context is cancelled as soon as the client cancels or the deadline passes, even
    // while a listener method still runs (the listener hears onCancel only after it returns). After
    // an answer it is cancelled too, which then changes nothing.
    Context context = Context.current();
    context.addListener(
        cancelled -> {
          Deadline deadline = cancelled.getDeadline();
          measured.end(deadline != null && deadline.isExpired() ? Status.DEADLINE_EXCEEDED : Status.CANCELLED, null);
        },
        Runnable::run);
    try {
      return new SimpleForwardingServerCallListener<>(next.startCall(measured, headers)) {
        @Override
        public void onCancel() {
          measured.end(Status.CANCELLED, null);
          super.onCancel();
        }
      };
    } catch (RuntimeException e) {
      measured.end(Status.fromThrowable(e), null);
      throw e;
    }
  }

  /** The call as the services see it: its close is measured, once. */
  private final class Measured<Q, R> extends SimpleForwardingServerCall<Q, R> {
    private final MethodMeters meters;
    private final long start = System.nanoTime();
    private final AtomicBoolean ended = new AtomicBoolean();

    Measured(ServerCall<Q, R> call, MethodMeters meters) {
      super(call);
      this.meters = meters;
    }

    @Override
    public void close(Status status, Metadata trailers) {
      end(status, trailers);
      super.close(status, trailers);
    }

    void end(Status status, Metadata trailers) {
      if (!ended.compareAndSet(false, true)) {
        return;
      }
      long nanos = System.nanoTime() - start;
      meters.inFlight.decrementAndGet();
      Status.Code code = status.getCode();
      String reason = code == Status.Code.OK ? "" : reason(status, trailers);
      meters.record(code, reason, nanos);
      if (reason.startsWith(CODE_PREFIX) || reason.startsWith(TICKET_PREFIX)) {
        failureCounter(reason).increment();
      }
    }
  }

  /** The ErrorInfo reason of the answer, "" when it has none; a reason we do not define is OTHER. */
  private static String reason(Status status, Metadata trailers) {
    String reason = ErrorReasons.of(status, trailers);
    return reason.isEmpty() || REASONS.contains(reason) ? reason : "OTHER";
  }

  /** The verification-code or login-ticket refusal counter of a reason with either prefix. */
  private Counter failureCounter(String reason) {
    String name = reason.startsWith(CODE_PREFIX) ? CODE_FAILURES : TICKET_FAILURES;
    return Counter.builder(name)
        .description(name.equals(CODE_FAILURES)
            ? "Refused verification-code requests and checks, by reason"
            : "Refused login-ticket redemptions, by reason")
        .tag("reason", reason)
        .register(registry);
  }

  /**
   * One method's meters: calls in flight, the OK counter (from the start), and a counter per other
   * (code, reason) and a timer per code, made on first use.
   */
  private final class MethodMeters {
    private final String method;
    final AtomicInteger inFlight = new AtomicInteger();
    private final ConcurrentMap<String, Counter> calls = new ConcurrentHashMap<>();
    private final Timer[] durations = new Timer[Status.Code.values().length];

    /** The OK counter, looked up once: most calls end OK. */
    private final Counter ok;

    MethodMeters(String method) {
      this.method = method;
      this.ok = calls(Status.Code.OK, "");
      Gauge.builder(IN_FLIGHT, inFlight, AtomicInteger::get)
          .description("API calls started and not yet answered, by method")
          .tag("method", method)
          .register(registry);
    }

    /** The timer first: a scrape that sees a call counted sees its latency too. */
    void record(Status.Code code, String reason, long nanos) {
      timer(code).record(nanos, TimeUnit.NANOSECONDS);
      (code == Status.Code.OK ? ok : calls(code, reason)).increment();
    }

    private Counter calls(Status.Code code, String reason) {
      return calls
          .computeIfAbsent(
              code.name() + "/" + reason,
              k ->
                  Counter.builder(CALLS)
                      .description("API calls answered, by method, status code and ErrorInfo reason")
                      .tags("method", method, "code", code.name(), "reason", reason)
                      .register(registry));
    }

    private Timer timer(Status.Code code) {
      Timer timer = durations[code.ordinal()];
      if (timer == null) {
        // Registering twice returns the same timer: a race here only costs a lookup.
        timer =
            Timer.builder(DURATION)
                .description("API call latency, from the call's start to its answer, by method and status code")
                .tags("method", method, "code", code.name())
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
        durations[code.ordinal()] = timer;
      }
      return timer;
    }
  }
}
