package io.resourceplans.domain.tx;

import java.util.function.Function;

/**
 * Runs work in a database transaction. Implementations retry the whole function when the database
 * reports a serialization failure or deadlock, so the work must have no side effects outside the Tx.
 */
public interface Transactor {
  <T> T inTransaction(Function<Tx, T> work);

  /** A read-only transaction: no writes, a consistent snapshot. */
  <T> T readOnly(Function<Tx, T> work);

  /**
   * Read-only work of one statement, sent without a transaction around it (no BEGIN, no COMMIT:
   * one round trip); a statement is consistent on its own. Work of several statements would see
   * each its own snapshot: use {@link #readOnly} for it. By default, a read-only transaction.
   */
  default <T> T singleRead(Function<Tx, T> work) {
    return readOnly(work);
  }
}
