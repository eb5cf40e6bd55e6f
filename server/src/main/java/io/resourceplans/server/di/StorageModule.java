package io.resourceplans.server.di;

import dagger.Module;
import dagger.Provides;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.storage.db.JdbiTransactor;
import io.resourceplans.storage.db.Jdbis;
import javax.inject.Singleton;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/** Binds the domain's storage interfaces to their JDBI implementations. */
@Module
public interface StorageModule {
  @Provides
  @Singleton
  static Jdbi jdbi(DataSource dataSource) {
    return Jdbis.create(dataSource);
  }

  @Provides
  @Singleton
  static Transactor transactor(Jdbi jdbi) {
    return new JdbiTransactor(jdbi);
  }
}
