package io.resourceplans.storage.db;

import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a database failure means, read from its exception classes and SQL states only: message
 * texts can hold SQL or values, so they are never looked at or logged.
 */
public final class SqlFailures {
  /** Server shutting down or starting (57P01, 57P02, 57P03), no connection slot left (53300). */
  private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

  /** How long an UNAVAILABLE caller is told to wait before retrying (google.rpc.RetryInfo). */
  private static final long RETRY_DELAY_SECONDS = 1;

  private static final String OWN_CODE = "io.resourceplans.";

  private SqlFailures() {}

  /**
   * No connection could be had from the pool in time, the connection failed (SQLSTATE class 08),
   * or the server is going down, starting up, or full.
   */
  public static boolean isUnavailable(Throwable e) {
    for (Throwable t = e; t != null; t = next(t)) {
      if (t instanceof SQLTransientConnectionException) {
        return true;
      }
      String state = t instanceof SQLException sql ? sql.getSQLState() : null;
      if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
        return true;
      }
    }
    return false;
  }

  /** 40001 serialization_failure, 40P01 deadlock_detected: running the transaction again may succeed. */
  public static boolean isRetryable(Throwable e) {
    for (Throwable t = e; t != null; t = next(t)) {
      if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  /** The first SQL state along the cause chain, or "none". */
  public static String sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = next(t)) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return "none";
  }

  /**
   * Exception classes and SQL states along the cause chain (and where a failing held write was
   * held), and the first frame of this service's own code, e.g.
   * {@code a.B <- c.D(sqlstate=08006) at io.resourceplans.x.Y.z(Y.java:12)}: enough
   * to find a bug, with no message text that could hold SQL, values or secrets.
   */
  public static String describe(Throwable e) {
    StringBuilder out = new StringBuilder();
    StackTraceElement origin = null;
    for (Throwable t = e; t != null; t = next(t)) {
      out.append(out.length() > 0 ? " <- " : "").append(t.getClass().getName());
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        out.append("(sqlstate=").append(sql.getSQLState()).append(')');
      }
      if (t instanceof HeldWrites.HeldWriteFailure held && held.heldAt() != null) {
        // A place in the code, no values: where the write that failed was held (see HeldWrites).
        out.append("(held at ").append(held.heldAt()).append(')');
      }
      for (StackTraceElement frame : t.getStackTrace()) {
        if (origin == null && frame.getClassName().startsWith(OWN_CODE)) {
          origin = frame;
        }
      }
    }
    return origin == null ? out.toString() : out.append(" at ").append(origin).toString();
  }

  /**
   * The refusal for an unavailable database, carrying {@code cause} for the log line. Not retried
   * here: the connection may have dropped during COMMIT, so only the caller, retrying with the same
   * request ID, can safely learn what happened.
   */
  public static DomainException unavailable(Throwable cause) {
    return new DomainException(
        ErrorCode.DATABASE_UNAVAILABLE,
        "the database is unavailable; retry with the same request_id",
        Map.of(DomainException.RETRY_DELAY_SECONDS, Long.toString(RETRY_DELAY_SECONDS)),
        List.of(),
        cause);
  }

  private static Throwable next(Throwable t) {
    Throwable cause = t.getCause();
    return cause == t ? null : cause;
  }
}
