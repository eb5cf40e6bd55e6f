package io.resourceplans.server.grpc;

import io.grpc.Context;
import io.resourceplans.domain.auth.Principal;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What is known about one API call while it runs: its correlation ID (in the access-log line, in
 * the log lines written during the call and in the caller's error details), its method and, once
 * authenticated, its caller. Put in the gRPC context by {@link
 * io.resourceplans.server.logging.AccessLogInterceptor}; the JSON log format reads it from the
 * context of the thread that logs (no MDC: copying it in and out around every callback of every
 * call cost the usage path measurably).
 */
public final class CallScope {
  public static final Context.Key<CallScope> KEY = Context.key("resourceplans-call");

  /** Field names of the call in JSON log lines. */
  public static final String CORRELATION_ID = "correlation_id";
  public static final String METHOD = "method";
  public static final String ACCOUNT_ID = "account_id";
  public static final String PRINCIPAL = "principal";

  private final String correlationId;
  private final String method;
  private volatile Principal principal;

  public CallScope(String method) {
    // Correlation IDs name log lines; they need to be unique, not unguessable, so no SecureRandom
    // (and its lock) on every call.
    ThreadLocalRandom random = ThreadLocalRandom.current();
    this.correlationId = new UUID(random.nextLong(), random.nextLong()).toString();
    this.method = method;
  }

  /** The scope of the call running on this thread, if it is an API call. */
  public static Optional<CallScope> current() {
    return Optional.ofNullable(KEY.get());
  }

  public String correlationId() {
    return correlationId;
  }

  public String method() {
    return method;
  }

  /** The authenticated caller, or empty before authentication (or when it failed). */
  public Optional<Principal> principal() {
    return Optional.ofNullable(principal);
  }

  /** Called by the auth interceptor: the caller is known from here on, in the log lines too. */
  public void authenticated(Principal caller) {
    this.principal = caller;
  }
}
