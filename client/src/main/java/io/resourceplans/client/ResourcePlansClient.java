package io.resourceplans.client;

import io.grpc.Channel;
import io.grpc.ChannelCredentials;
import io.grpc.ClientInterceptors;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.resourceplans.api.v1.ActivationServiceGrpc;
import io.resourceplans.api.v1.BindingServiceGrpc;
import io.resourceplans.api.v1.OperatorServiceGrpc;
import io.resourceplans.api.v1.PlanServiceGrpc;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The Java client of resource-plans: blocking stubs of the four services that send the API key and
 * a default deadline on every call.
 *
 * <pre>{@code
 * try (ResourcePlansClient client = ResourcePlansClient.builder()
 *     .target("localhost:50051").apiKey(key).plaintext().defaultDeadline(Duration.ofSeconds(5)).build()) {
 *   Account me = client.activation().getAccount(GetAccountRequest.getDefaultInstance()).getAccount();
 * }
 * }</pre>
 *
 * A caller that owns its channel uses {@link #overChannel}. Errors arrive as
 * {@link io.grpc.StatusRuntimeException}; {@link ErrorDetails} reads their reason and field
 * violations.
 */
public final class ResourcePlansClient implements AutoCloseable {
  private final ManagedChannel owned;
  private final Channel channel;
  private final BearerToken credentials;

  private ResourcePlansClient(ManagedChannel owned, Channel channel, String apiKey, Duration deadline) {
    this.owned = owned;
    this.credentials = new BearerToken(Objects.requireNonNull(apiKey, "apiKey"));
    this.channel = ClientInterceptors.intercept(channel, new DefaultDeadline(deadline));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A client over a channel the caller manages (closing the client leaves it open). */
  public static ResourcePlansClient overChannel(Channel channel, String apiKey, Duration defaultDeadline) {
    return new ResourcePlansClient(null, channel, apiKey, defaultDeadline);
  }

  public PlanServiceGrpc.PlanServiceBlockingStub plan() {
    return PlanServiceGrpc.newBlockingStub(channel).withCallCredentials(credentials);
  }

  public ActivationServiceGrpc.ActivationServiceBlockingStub activation() {
    return ActivationServiceGrpc.newBlockingStub(channel).withCallCredentials(credentials);
  }

  public BindingServiceGrpc.BindingServiceBlockingStub binding() {
    return BindingServiceGrpc.newBlockingStub(channel).withCallCredentials(credentials);
  }

  public OperatorServiceGrpc.OperatorServiceBlockingStub operator() {
    return OperatorServiceGrpc.newBlockingStub(channel).withCallCredentials(credentials);
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

    private Builder() {}

    /** {@code host:port}, or any gRPC target string such as {@code dns:///svc:50051}. */
    public Builder target(String target) {
      this.target = target;
      return this;
    }

    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    /** TLS with the system's trusted roots (the default). */
    public Builder tls() {
      this.tls = true;
      return this;
    }

    /** TLS trusting the PEM certificates in this file (for a private CA or a self-signed server). */
    public Builder tls(File trustedCertificates) {
      this.tls = true;
      this.trustedCertificates = trustedCertificates;
      return this;
    }

    /** No TLS: only for loopback or a trusted network. */
    public Builder plaintext() {
      this.tls = false;
      return this;
    }

    /** Deadline for calls that set none of their own. */
    public Builder defaultDeadline(Duration deadline) {
      if (deadline.isNegative() || deadline.isZero()) {
        throw new IllegalArgumentException("deadline must be positive");
      }
      this.defaultDeadline = deadline;
      return this;
    }

    public ResourcePlansClient build() {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(apiKey, "apiKey");
      ManagedChannel channel = Grpc.newChannelBuilder(target, channelCredentials()).build();
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
