package io.resourceplans.server.auth;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.resourceplans.domain.auth.Authenticator;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.server.grpc.CallScope;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Checks {@code authorization: Bearer <api key>} and puts the caller's principal in the context.
 * Refusals are thrown as domain errors for the exception interceptor to translate.
 */
@Singleton
public final class AuthInterceptor implements ServerInterceptor {
  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final String BEARER = "bearer ";

  private final Authenticator authenticator;

  @Inject
  public AuthInterceptor(Authenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    Principal principal = authenticator.authenticate(bearerToken(headers.get(AUTHORIZATION)));
    CallScope.current().ifPresent(scope -> scope.authenticated(principal));
    Context context = Context.current().withValue(CallPrincipal.KEY, principal);
    return Contexts.interceptCall(context, call, headers, next);
  }

  private static String bearerToken(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new DomainException(
          ErrorCode.API_KEY_INVALID, "the authorization header must be 'Bearer <api key>'");
    }
    return header.substring(BEARER.length()).trim();
  }
}
