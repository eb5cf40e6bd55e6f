package io.resourceplans.storage.db;

import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;

/** Every feature's repository factories, by the domain interface they implement; loaded once. */
final class RepositoryCatalog {
  static final RepositoryCatalog ALL = load();

  private final Map<Class<?>, Function<RepositoryContext, ?>> factories;

  private RepositoryCatalog(Map<Class<?>, Function<RepositoryContext, ?>> factories) {
    this.factories = Map.copyOf(factories);
  }

  private static RepositoryCatalog load() {
    Map<Class<?>, Function<RepositoryContext, ?>> factories = new HashMap<>();
    FeatureRepositories.Registry registry =
        new FeatureRepositories.Registry() {
          @Override
          public <R> void add(Class<R> repository, Function<RepositoryContext, ? extends R> factory) {
            if (factories.putIfAbsent(repository, factory) != null) {
              throw new IllegalStateException(repository.getName() + " is registered twice");
            }
          }
        };
    for (FeatureRepositories feature : ServiceLoader.load(FeatureRepositories.class, RepositoryCatalog.class.getClassLoader())) {
      feature.register(registry);
    }
    return new RepositoryCatalog(factories);
  }

  <R> R create(Class<R> repository, RepositoryContext context) {
    Function<RepositoryContext, ?> factory = factories.get(repository);
    if (factory == null) {
      throw new IllegalArgumentException("no storage registered for " + repository.getName());
    }
    return repository.cast(factory.apply(context));
  }

  Set<Class<?>> repositories() {
    return factories.keySet();
  }
}
