package io.resourceplans.client;

import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.resourceplans.api.v1.ActivationServiceGrpc;
import io.resourceplans.api.v1.BindingServiceGrpc;
import io.resourceplans.api.v1.OperatorServiceGrpc;
import io.resourceplans.api.v1.PlanServiceGrpc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which calls the client retries and how: gRPC's own retry policy (a service config the channel
 * applies below every call), not a retry loop of ours. Retried: UNAVAILABLE (the server or its
 * database unreachable) and ABORTED (CONCURRENT_MODIFICATION) of every RPC whose proto says
 * {@code idempotency_level = IDEMPOTENT} (it has a request_id, which the client fills before the
 * first attempt, so the server answers a retry without a second change) or {@code NO_SIDE_EFFECTS}
 * (a read). Attempts back off exponentially with full jitter, wait instead as long as the server
 * asks when it says (its RetryInfo, sent to gRPC as {@code grpc-retry-pushback-ms}), and never
 * outlive the call's deadline: when it passes the call ends DEADLINE_EXCEEDED. When most recent
 * attempts on a channel fail (more than 50 failures net of a tenth per success), retries pause
 * until calls succeed again, so an outage is not answered with a retry storm.
 */
public final class RetrySettings {
  /** gRPC's limit on attempts per call (more are cut to this). */
  public static final int MAX_ATTEMPTS_LIMIT = 5;

  private static final List<ServiceDescriptor> SERVICES =
      List.of(
          PlanServiceGrpc.getServiceDescriptor(),
          ActivationServiceGrpc.getServiceDescriptor(),
          BindingServiceGrpc.getServiceDescriptor(),
          OperatorServiceGrpc.getServiceDescriptor());

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final double backoffMultiplier;

  private RetrySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double backoffMultiplier) {
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.backoffMultiplier = backoffMultiplier;
  }

  /** {@return 5 attempts, backoff from 100 ms doubling up to 5 s} */
  public static RetrySettings defaults() {
    return builder().build();
  }

  /** {@return settings sending every call once} (gRPC still re-sends a call that never left the client) */
  public static RetrySettings disabled() {
    return new RetrySettings(1, Duration.ofMillis(100), Duration.ofSeconds(5), 2.0);
  }

  /** {@return a builder starting from the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return attempts per call, the first included} */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** {@return whether calls are retried at all} */
  public boolean enabled() {
    return maxAttempts > 1;
  }

  /**
   * {@return the retry policy as a gRPC service config}, for a caller that builds its own channel:
   * {@code channelBuilder.defaultServiceConfig(settings.serviceConfig()).enableRetry()
   * .maxRetryAttempts(settings.maxAttempts())}. Empty when retries are disabled.
   */
  public Map<String, ?> serviceConfig() {
    if (!enabled()) {
      return Map.of();
    }
    List<Map<String, ?>> names = new ArrayList<>();
    for (ServiceDescriptor service : SERVICES) {
      for (MethodDescriptor<?, ?> method : service.getMethods()) {
        if (retryable(method)) {
          names.add(Map.of("service", service.getName(), "method", method.getBareMethodName()));
        }
      }
    }
    Map<String, ?> retryPolicy =
        Map.of(
            "maxAttempts", (double) maxAttempts,
            "initialBackoff", seconds(initialBackoff),
            "maxBackoff", seconds(maxBackoff),
            "backoffMultiplier", backoffMultiplier,
            "retryableStatusCodes", List.of("UNAVAILABLE", "ABORTED"));
    // Retry throttling (gRPC's token bucket per channel): every failed attempt takes a token, every
    // success gives a tenth back, and retries stop while fewer than half of the 100 are left, so a
    // long outage is not met with five attempts of every call.
    Map<String, ?> throttling = Map.of("maxTokens", 100.0, "tokenRatio", 0.1);
    return Map.of(
        "methodConfig", List.of(Map.of("name", names, "retryPolicy", retryPolicy)),
        "retryThrottling", throttling);
  }

  /** Whether the client may retry this RPC: a read, or a mutation with a request_id. */
  static boolean retryable(MethodDescriptor<?, ?> method) {
    return method.isSafe() || method.isIdempotent();
  }

  private static String seconds(Duration duration) {
    return String.format("%d.%09ds", duration.getSeconds(), duration.getNano());
  }

  /** Builds RetrySettings; unset values are the defaults. */
  public static final class Builder {
    private int maxAttempts = MAX_ATTEMPTS_LIMIT;
    private Duration initialBackoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(5);
    private double backoffMultiplier = 2.0;

    private Builder() {}

    /**
     * Sets the attempts per call.
     *
     * @param maxAttempts attempts including the first, 1 (no retry) to {@value #MAX_ATTEMPTS_LIMIT}
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
        throw new IllegalArgumentException("maxAttempts must be 1.." + MAX_ATTEMPTS_LIMIT);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the first backoff bound.
     *
     * @param initialBackoff bound of the first random wait (each wait is uniform from 0 to its bound)
     * @return this builder
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = positive(initialBackoff, "initialBackoff");
      return this;
    }

    /**
     * Sets the largest backoff bound.
     *
     * @param maxBackoff the largest bound the backoff grows to
     * @return this builder
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = positive(maxBackoff, "maxBackoff");
      return this;
    }

    /**
     * Sets the backoff growth.
     *
     * @param backoffMultiplier factor the bound grows by after each attempt (at least 1)
     * @return this builder
     */
    public Builder backoffMultiplier(double backoffMultiplier) {
      if (!(backoffMultiplier >= 1.0) || Double.isInfinite(backoffMultiplier)) {
        throw new IllegalArgumentException("backoffMultiplier must be at least 1");
      }
      this.backoffMultiplier = backoffMultiplier;
      return this;
    }

    /** {@return the settings} */
    public RetrySettings build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("maxBackoff must not be below initialBackoff");
      }
      return new RetrySettings(maxAttempts, initialBackoff, maxBackoff, backoffMultiplier);
    }

    private static Duration positive(Duration duration, String name) {
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return duration;
    }
  }
}
