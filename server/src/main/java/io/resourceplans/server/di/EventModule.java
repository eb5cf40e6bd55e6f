package io.resourceplans.server.di;

import dagger.Module;
import dagger.Provides;
import io.resourceplans.domain.event.EventStreamSettings;
import javax.annotation.Nullable;

/** The account event log's settings: the given ones, or the defaults when none were given. */
@Module
public interface EventModule {
  @Provides
  static EventStreamSettings eventStreamSettings(@GivenEventStreamSettings @Nullable EventStreamSettings given) {
    return given == null ? EventStreamSettings.defaults() : given;
  }
}
