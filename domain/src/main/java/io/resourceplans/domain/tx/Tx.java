package io.resourceplans.domain.tx;

/**
 * One database transaction. Everything done through the repositories it hands out commits together.
 *
 * <p>A feature asks for the repository it needs by its interface ({@code
 * tx.get(PackageRepository.class)}); the storage module registers one implementation per
 * interface, feature by feature. So this package knows no feature, and a new table touches its own
 * feature's files only.
 */
public interface Tx {
  /**
   * The repository implementing {@code repository} in this transaction.
   *
   * @throws IllegalArgumentException if storage registered none (a wiring error, found by tests)
   */
  <R> R get(Class<R> repository);
}
