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
}
