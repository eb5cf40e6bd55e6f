package io.resourceplans.server.di;

import dagger.Module;
import dagger.Provides;
import io.resourceplans.domain.quota.CoveredUsageRecorder;
import io.resourceplans.domain.quota.QuotaFactsReader;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.server.metrics.UsageMetrics;
import io.resourceplans.storage.db.DatabaseEngine;
import io.resourceplans.storage.db.JdbiTransactor;
import io.resourceplans.storage.db.Jdbis;
import io.resourceplans.storage.quota.BatchingCoveredUsageRecorder;
import io.resourceplans.storage.quota.BatchingQuotaFactsReader;
import io.resourceplans.storage.quota.SqlCoveredUsageRecorder;
import io.resourceplans.storage.quota.SqlQuotaFactsReader;
import java.time.Clock;
import javax.inject.Singleton;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/** The storage implementations of the domain's transaction and usage-recording interfaces. */
@Module
public interface StorageModule {
  @Provides
  @Singleton
  static Jdbi jdbi(DataSource dataSource) {
    return Jdbis.create(dataSource);
  }

  /** Asked once, when the component first needs it (after the migrations). */
  @Provides
  @Singleton
  static DatabaseEngine databaseEngine(DataSource dataSource) {
    return DatabaseEngine.of(dataSource);
  }

  @Provides
  @Singleton
  static Transactor transactor(Jdbi jdbi, DatabaseEngine engine) {
    return new JdbiTransactor(jdbi, engine);
  }

  @Provides
  @Singleton
  static CoveredUsageRecorder coveredUsageRecorder(
      DataSource dataSource, DatabaseEngine engine, Clock clock, UsageMetrics metrics) {
    SqlCoveredUsageRecorder sql = new SqlCoveredUsageRecorder(dataSource, engine, clock);
    return engine == DatabaseEngine.CITUS
        ? BatchingCoveredUsageRecorder.forDistributed(sql, metrics::batch)
        : BatchingCoveredUsageRecorder.withDefaults(sql, metrics::batch);
  }

  /**
   * CheckQuota's reads: concurrent checks share one statement on PostgreSQL; on Citus each stays one
   * call of rp_quota_facts, which the coordinator delegates to the account's worker.
   */
  @Provides
  @Singleton
  static QuotaFactsReader quotaFactsReader(DataSource dataSource, DatabaseEngine engine) {
    SqlQuotaFactsReader sql = new SqlQuotaFactsReader(dataSource);
    return engine == DatabaseEngine.CITUS ? sql : BatchingQuotaFactsReader.withDefaults(sql);
  }
}
