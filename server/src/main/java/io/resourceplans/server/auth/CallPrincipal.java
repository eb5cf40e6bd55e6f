package io.resourceplans.server.auth;

import io.grpc.Context;
import io.resourceplans.domain.auth.Principal;

/** The authenticated principal of the current call, put in the gRPC context by the auth interceptor. */
public final class CallPrincipal {
  static final Context.Key<Principal> KEY = Context.key("resourceplans-principal");

  private CallPrincipal() {}

  public static Principal current() {
    Principal principal = KEY.get();
    if (principal == null) {
      throw new IllegalStateException("no principal: the service was registered without AuthInterceptor");
    }
    return principal;
  }
}
