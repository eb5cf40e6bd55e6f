package io.resourceplans.storage.db;

import java.util.function.Function;

/**
 * One feature's repository implementations. Each feature's storage package has one, listed in
 * {@code META-INF/services/io.resourceplans.storage.db.FeatureRepositories}; a transaction hands
 * out what a domain feature asks for ({@code tx.get(PackageRepository.class)}) from them. So
 * adding a table touches its feature's files only, and a new feature adds one line to that list.
 */
public interface FeatureRepositories {
  /** Where a feature registers its implementations. */
  interface Registry {
    <R> void add(Class<R> repository, Function<RepositoryContext, ? extends R> factory);
  }

  void register(Registry registry);
}
