package io.resourceplans.server.di;

import dagger.Module;
import dagger.Provides;
import io.resourceplans.domain.notification.Templates;

/** Settings of alerts and notices; their services are built from their {@code @Inject} constructors. */
@Module
public interface AlertModule {
  /** The message templates every notice is written from. */
  @Provides
  static Templates templates() {
    return Templates.builtIn();
  }
}
