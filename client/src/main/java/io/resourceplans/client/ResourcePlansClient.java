package io.resourceplans.client;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ChannelCredentials;
import io.grpc.ClientInterceptors;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.TlsChannelCredentials;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The Java client of resource-plans: one client per API key, with a client per service
 * ({@link #plan()}, {@link #activation()}, {@link #binding()}, {@link #operator()}) whose methods
 * mirror the RPCs, blocking and asynchronous ({@code …Async}, a CompletableFuture), and walk
 * every page of a List RPC ({@code listAll…}). On every call the client:
 *
 * <ul>
 *   <li>sends the API key and a deadline (the default one unless the call has its own);
 *   <li>fills an empty {@code request_id} with a new UUIDv7 ({@link RequestIds}), kept for every
 *       retry of that call;
 *   <li>retries UNAVAILABLE and ABORTED of reads and of mutations with a request_id, with
 *       backoff, as the server asks and within the deadline ({@link RetrySettings});
 *   <li>throws {@link ResourcePlansException}, whose {@code reason()} is an
 *       {@link io.resourceplans.api.v1.ErrorReason}.
 * </ul>
 *
 * <pre>{@code
 * try (ResourcePlansClient client = ResourcePlansClient.builder()
 *     .target("localhost:50051").apiKey(key).plaintext().build()) {
 *   Account me = client.activation().getAccount(GetAccountRequest.getDefaultInstance()).getAccount();
 * }
 * }</pre>
 *
 * A caller that owns its channel uses {@link #overChannel} (and gives its channel
 * {@link RetrySettings#serviceConfig()} for the retries).
 */
public final class ResourcePlansClient implements AutoCloseable {
  private final ManagedChannel owned;
  private final PlanServiceClient plan;
  private final ActivationServiceClient activation;
  private final BindingServiceClient binding;
  private final OperatorServiceClient operator;
  /** The channel without the default deadline, and the calls' credentials: for event streams. */
  private final Channel streams;
  private final CallOptions streamOptions;

  private ResourcePlansClient(ManagedChannel owned, Channel channel, String apiKey, Duration deadline) {
    this.owned = owned;
    this.streams = channel;
    this.streamOptions = CallOptions.DEFAULT.withCallCredentials(BearerToken.of(apiKey));
    UnaryCaller caller =
        new UnaryCaller(
            ClientInterceptors.intercept(channel, DefaultDeadline.of(deadline)),
            CallOptions.DEFAULT.withCallCredentials(BearerToken.of(apiKey)));
    this.plan = new PlanServiceClient(caller);
    this.activation = new ActivationServiceClient(caller);
    this.binding = new BindingServiceClient(caller);
    this.operator = new OperatorServiceClient(caller);
  }

  /** {@return a builder of a client that opens its own channel} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return a client over a channel the caller manages} Closing the client leaves it open. The
   * channel's own service config decides retries: give it {@link RetrySettings#serviceConfig()}.
   *
   * @param channel the caller's channel
   * @param apiKey the API key secret every call sends
   * @param defaultDeadline deadline of calls that set none of their own
   */
  public static ResourcePlansClient overChannel(Channel channel, String apiKey, Duration defaultDeadline) {
    return new ResourcePlansClient(null, channel, apiKey, defaultDeadline);
  }

  /** {@return the PlanService client}: catalog, orders, wallet, packages, usage, alerts, messages. */
  public PlanServiceClient plan() {
    return plan;
  }

  /** {@return the ActivationService client}: account, sub-users, API keys, identity, activations. */
  public ActivationServiceClient activation() {
    return activation;
  }

  /** {@return the BindingService client}: the marketplace vendor's billing-center side. */
  public BindingServiceClient binding() {
    return binding;
  }

  /** {@return the OperatorService client}: accounts, catalog, money, reviews, notifications. */
  public OperatorServiceClient operator() {
    return operator;
  }

  /**
   * {@return a batcher sending usage records with at most {@code maxInFlight} calls unanswered}:
   * lists in RecordUsages calls of up to 1,000 records, single records as RecordUsage calls
   *
   * @param maxInFlight calls in flight at most (the pipeline's concurrency)
   */
  public UsageBatcher usageBatcher(int maxInFlight) {
    return new UsageBatcher(plan, maxInFlight);
  }

  /**
   * {@return a watcher handing the account's events to {@code handler} as they commit, resuming
   * after the last one handled whenever the stream breaks} (see {@link AccountEventWatcher}; no
   * deadline: a stream lasts until closed). Close it to stop.
   *
   * @param request where to start (empty: with the events that commit from now on;
   *     {@code after_event_id}: after an event handled before) and which kinds
   * @param handler called with each event, one at a time, on the watcher's thread
   */
  public AccountEventWatcher watchAccountEvents(
      io.resourceplans.api.v1.WatchAccountEventsRequest request, AccountEventWatcher.Handler handler) {
    return new AccountEventWatcher(streams, streamOptions, request, handler).start();
  }

  /** Closes the channel this client opened, waiting briefly for calls in flight. */
  @Override
  public void close() {
    if (owned == null) {
      return;
    }
    owned.shutdown();
    try {
      if (!owned.awaitTermination(5, TimeUnit.SECONDS)) {
        owned.shutdownNow();
      }
    } catch (InterruptedException e) {
      owned.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Builds a client that opens its own channel. */
  public static final class Builder {
    private String target;
    private String apiKey;
    private boolean tls = true;
    private File trustedCertificates;
    private Duration defaultDeadline = Duration.ofSeconds(10);
    private RetrySettings retries = RetrySettings.defaults();

    private Builder() {}

    /**
     * Sets the server's address.
     *
     * @param target {@code host:port}, or any gRPC target string such as {@code dns:///svc:50051}
     * @return this builder
     */
    public Builder target(String target) {
      this.target = target;
      return this;
    }

    /**
     * Sets the API key.
     *
     * @param apiKey the API key secret every call sends
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    /**
     * TLS with the system's trusted roots (the default).
     *
     * @return this builder
     */
    public Builder tls() {
      this.tls = true;
      return this;
    }

    /**
     * TLS trusting the given certificates (for a private CA or a self-signed server).
     *
     * @param trustedCertificates a file of PEM certificates
     * @return this builder
     */
    public Builder tls(File trustedCertificates) {
      this.tls = true;
      this.trustedCertificates = trustedCertificates;
      return this;
    }

    /**
     * No TLS: only for loopback or a trusted network.
     *
     * @return this builder
     */
    public Builder plaintext() {
      this.tls = false;
      return this;
    }

    /**
     * Sets the deadline of calls that set none of their own (10 s unless set).
     *
     * @param deadline how long a call may take, its retries included
     * @return this builder
     */
    public Builder defaultDeadline(Duration deadline) {
      if (deadline.isNegative() || deadline.isZero()) {
        throw new IllegalArgumentException("deadline must be positive");
      }
      this.defaultDeadline = deadline;
      return this;
    }

    /**
     * Sets how calls are retried.
     *
     * @param retries {@link RetrySettings#defaults()} unless set; {@link RetrySettings#disabled()} to stop
     * @return this builder
     */
    public Builder retries(RetrySettings retries) {
      this.retries = Objects.requireNonNull(retries, "retries");
      return this;
    }

    /** {@return a client with a channel of its own}, which {@link #close()} closes */
    public ResourcePlansClient build() {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(apiKey, "apiKey");
      ManagedChannelBuilder<?> builder = Grpc.newChannelBuilder(target, channelCredentials());
      // Our retry policy, not one a name resolver might publish for the target.
      builder.disableServiceConfigLookUp();
      if (retries.enabled()) {
        builder.defaultServiceConfig(retries.serviceConfig()).enableRetry().maxRetryAttempts(retries.maxAttempts());
      }
      ManagedChannel channel = builder.build();
      return new ResourcePlansClient(channel, channel, apiKey, defaultDeadline);
    }

    private ChannelCredentials channelCredentials() {
      if (!tls) {
        return InsecureChannelCredentials.create();
      }
      if (trustedCertificates == null) {
        return TlsChannelCredentials.create();
      }
      try {
        return TlsChannelCredentials.newBuilder().trustManager(trustedCertificates).build();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read trusted certificates", e);
      }
    }
  }
}
