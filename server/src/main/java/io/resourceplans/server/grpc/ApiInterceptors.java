package io.resourceplans.server.grpc;

import io.grpc.ServerInterceptor;
import java.util.List;

/**
 * The interceptors applied to the API services, in {@code ServerInterceptors.intercept} order: the
 * last one runs first. Health and reflection are registered without them, so they need no key.
 */
public record ApiInterceptors(List<ServerInterceptor> interceptors) {
  public ApiInterceptors {
    interceptors = List.copyOf(interceptors);
  }
}
