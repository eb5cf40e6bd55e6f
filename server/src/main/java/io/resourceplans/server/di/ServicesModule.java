package io.resourceplans.server.di;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import io.grpc.BindableService;
import io.grpc.protobuf.services.HealthStatusManager;
import io.resourceplans.server.services.ActivationGrpcService;
import io.resourceplans.server.services.BindingGrpcService;
import io.resourceplans.server.services.OperatorGrpcService;
import io.resourceplans.server.services.PlanGrpcService;
import javax.inject.Singleton;

/** The API services the server exposes. */
@Module
public interface ServicesModule {
  @Binds
  @IntoSet
  BindableService plan(PlanGrpcService service);

  @Binds
  @IntoSet
  BindableService activation(ActivationGrpcService service);

  @Binds
  @IntoSet
  BindableService binding(BindingGrpcService service);

  @Binds
  @IntoSet
  BindableService operator(OperatorGrpcService service);

  @Provides
  @Singleton
  static HealthStatusManager health() {
    return new HealthStatusManager();
  }
}
