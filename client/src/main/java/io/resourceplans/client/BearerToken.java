package io.resourceplans.client;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.Status;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Call credentials sending {@code authorization: Bearer <api key>} on every call, for callers that
 * use gRPC stubs directly: {@code stub.withCallCredentials(BearerToken.of(apiKey))}. Its
 * {@code toString()} never shows the key.
 */
public final class BearerToken extends CallCredentials {
  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final String apiKey;

  private BearerToken(String apiKey) {
    this.apiKey = apiKey;
  }

  /**
   * {@return credentials sending this API key}
   *
   * @param apiKey an account's, a sub-user's or an operator's API key secret
   */
  public static BearerToken of(String apiKey) {
    Objects.requireNonNull(apiKey, "apiKey");
    if (apiKey.isBlank()) {
      throw new IllegalArgumentException("apiKey must not be blank");
    }
    return new BearerToken(apiKey);
  }

  @Override
  public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
    try {
      Metadata headers = new Metadata();
      headers.put(AUTHORIZATION, "Bearer " + apiKey);
      applier.apply(headers);
    } catch (RuntimeException e) {
      applier.fail(Status.UNAUTHENTICATED.withDescription("cannot attach the API key"));
    }
  }

  @Override
  public String toString() {
    return "BearerToken[redacted]";
  }
}
