package io.resourceplans.server.di;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.resourceplans.domain.notification.DeliveryObserver;
import io.resourceplans.domain.hold.HoldObserver;
import io.resourceplans.domain.quota.UsageObserver;
import io.resourceplans.server.metrics.Metrics;
import io.resourceplans.server.metrics.NotificationMetrics;
import io.resourceplans.server.metrics.HoldMetrics;
import io.resourceplans.server.metrics.UsageMetrics;
import javax.annotation.Nullable;
import javax.inject.Singleton;

/**
 * The meter registry, and the metric classes as the domain's observers. The registry is the one
 * the builder was given (Main: the one the pool reports to and /metrics serves), else a new one
 * (tests that do not look at metrics).
 */
@Module
public interface MetricsModule {
  @Provides
  @Singleton
  static PrometheusMeterRegistry prometheusRegistry(@GivenRegistry @Nullable PrometheusMeterRegistry given) {
    return given != null ? given : Metrics.newRegistry();
  }

  @Binds
  MeterRegistry meterRegistry(PrometheusMeterRegistry registry);

  @Binds
  UsageObserver usageObserver(UsageMetrics metrics);

  @Binds
  HoldObserver holdObserver(HoldMetrics metrics);

  @Binds
  DeliveryObserver deliveryObserver(NotificationMetrics metrics);
}
