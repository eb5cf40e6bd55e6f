package io.resourceplans.server.grpc;

import io.grpc.Context;
import io.resourceplans.domain.auth.Principal;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;

/**
 * What is known about one API call while it runs: its correlation ID (in the access-log line, in
 * the log lines written during the call and in the caller's error details), its method and, once
 * authenticated, its caller. Put in the gRPC context by {@link
 * io.resourceplans.server.logging.AccessLogInterceptor}, the outermost interceptor.
 */
public final class CallScope {
  public static final Context.Key<CallScope> KEY = Context.key("resourceplans-call");

  /** MDC keys: the JSON log format writes them as fields of every line logged during the call. */
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
    putCaller();
  }

  /** Puts this call's fields in the MDC of the current thread, for the callback about to run. */
  public void enterMdc() {
    MDC.put(CORRELATION_ID, correlationId);
    MDC.put(METHOD, method);
    putCaller();
  }

  /** Removes what {@link #enterMdc} put, when the callback returns. */
  public static void leaveMdc() {
    MDC.remove(CORRELATION_ID);
    MDC.remove(METHOD);
    MDC.remove(ACCOUNT_ID);
    MDC.remove(PRINCIPAL);
  }

  private void putCaller() {
    Principal caller = principal;
    if (caller == null) {
      return;
    }
    MDC.put(PRINCIPAL, caller.kind().name());
    if (caller.accountId() != null) {
      MDC.put(ACCOUNT_ID, caller.accountId());
    }
  }
}
