package io.resourceplans.storage.db;

import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.domain.tx.Tx;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Transactor} on JDBI. Runs at READ COMMITTED (rules that need more take row locks) and
 * reruns the work when PostgreSQL aborts it for a serialization failure or a deadlock; a database
 * that cannot be reached, or drops the connection, is DATABASE_UNAVAILABLE (not retried). The
 * isolation level is the connection's default ({@link DataSources} sets it once per pooled
 * connection): naming it on every transaction costs the usage path extra round trips.
 */
public final class JdbiTransactor implements Transactor {
  private static final Logger log = LoggerFactory.getLogger(JdbiTransactor.class);
  private static final int MAX_ATTEMPTS = 5;
  private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

  private final Jdbi jdbi;

  public JdbiTransactor(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public <T> T inTransaction(Function<Tx, T> work) {
    return withRetries(
        () ->
            jdbi.inTransaction(
                h -> {
                  JdbiTx tx = new JdbiTx(h);
                  T result = work.apply(tx);
                  // The held writes and COMMIT share the last round trip; JDBI's own commit then
                  // finds the session idle and sends nothing.
                  tx.flushAndCommit();
                  return result;
                }));
  }

  @Override
  public <T> T readOnly(Function<Tx, T> work) {
    return withRetries(
        () ->
            jdbi.withHandle(
                h -> {
                  // The driver then opens the transaction with BEGIN READ ONLY: no extra statement.
                  // The pool restores the flag when the connection is returned.
                  h.setReadOnly(true);
                  return h.inTransaction(
                      t -> {
                        JdbiTx tx = new JdbiTx(t);
                        T result = work.apply(tx);
                        tx.flush();
                        return result;
                      });
                }));
  }

  private static <T> T withRetries(java.util.function.Supplier<T> attempt) {
    for (int i = 1; ; i++) {
      try {
        return attempt.get();
      } catch (RuntimeException e) {
        if (isUnavailable(e)) {
          // Not retried here: the connection may have dropped during COMMIT, so only the caller,
          // retrying with the same request ID, can safely find out what happened.
          log.warn("database unavailable: {}", sqlStates(e));
          throw new DomainException(
              ErrorCode.DATABASE_UNAVAILABLE, "the database is unavailable; retry with the same request_id");
        }
        if (!isRetryable(e)) {
          throw e;
        }
        if (i == MAX_ATTEMPTS) {
          throw new DomainException(
              ErrorCode.CONCURRENT_MODIFICATION,
              "too many concurrent changes; retry with the same request_id");
        }
        backOff(i);
      }
    }
  }

  /**
   * No connection could be had from the pool in time, or the connection failed (SQLSTATE class 08),
   * the server is shutting down or starting (57P01, 57P02, 57P03), or has no connection slot left
   * (53300).
   */
  static boolean isUnavailable(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || UNAVAILABLE_STATES.contains(state)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Exception classes and SQL states along the cause chain; no message text (it can hold SQL or values). */
  private static String sqlStates(Throwable e) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      out.append(out.length() > 0 ? " <- " : "").append(t.getClass().getName());
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        out.append("(sqlstate=").append(sql.getSQLState()).append(')');
      }
    }
    return out.toString();
  }

  /** 40001 serialization_failure, 40P01 deadlock_detected. */
  static boolean isRetryable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  private static void backOff(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DomainException(ErrorCode.CONCURRENT_MODIFICATION, "interrupted while retrying");
    }
  }
}
