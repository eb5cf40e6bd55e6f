package io.resourceplans.storage.db;

import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.domain.tx.Tx;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link Transactor} on JDBI. Runs at READ COMMITTED (rules that need more take row locks) and
 * reruns the work when PostgreSQL aborts it for a serialization failure or a deadlock; a database
 * that cannot be reached, or drops the connection, is DATABASE_UNAVAILABLE (not retried). The
 * isolation level is the connection's default ({@link DataSources} sets it once per pooled
 * connection): naming it on every transaction costs the usage path extra round trips.
 */
public final class JdbiTransactor implements Transactor {
  private static final int MAX_ATTEMPTS = 5;

  private final Jdbi jdbi;
  /** Null until the first transaction asks, when not given. */
  private volatile DatabaseEngine engine;

  /** On whatever engine {@code jdbi}'s database is: asked once, in the first transaction. */
  public JdbiTransactor(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public JdbiTransactor(Jdbi jdbi, DatabaseEngine engine) {
    this.jdbi = jdbi;
    this.engine = engine;
  }

  private DatabaseEngine engine(Handle h) {
    DatabaseEngine known = engine;
    if (known == null) {
      known = DatabaseEngine.of(h.getConnection());
      engine = known;
    }
    return known;
  }

  @Override
  public <T> T inTransaction(Function<Tx, T> work) {
    return withRetries(
        () ->
            jdbi.inTransaction(
                h -> {
                  JdbiTx tx = new JdbiTx(h, engine(h));
                  T result = work.apply(tx);
                  // Held writes go with COMMIT (see HeldWrites); JDBI's own commit then finds the
                  // session idle and sends nothing.
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
                        JdbiTx tx = new JdbiTx(t, engine(t));
                        T result = work.apply(tx);
                        tx.flush();
                        return result;
                      });
                }));
  }

  @Override
  public <T> T singleRead(Function<Tx, T> work) {
    return withRetries(
        () ->
            jdbi.withHandle(
                h -> {
                  // Autocommit (the pool's default): the statement is its own transaction.
                  h.setReadOnly(true);
                  JdbiTx tx = new JdbiTx(h, engine(h));
                  T result = work.apply(tx);
                  tx.flush();
                  return result;
                }));
  }

  private static <T> T withRetries(java.util.function.Supplier<T> attempt) {
    for (int i = 1; ; i++) {
      try {
        return attempt.get();
      } catch (RuntimeException e) {
        if (SqlFailures.isUnavailable(e)) {
          // Logged once, by whoever answers the call (the cause travels with the refusal).
          throw SqlFailures.unavailable(e);
        }
        if (!SqlFailures.isRetryable(e)) {
          throw e;
        }
        if (i == MAX_ATTEMPTS) {
          throw new DomainException(
              ErrorCode.CONCURRENT_MODIFICATION,
              "too many concurrent changes; retry with the same request_id",
              java.util.Map.of(),
              java.util.List.of(),
              e);
        }
        backOff(i);
      }
    }
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
