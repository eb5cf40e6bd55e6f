package io.resourceplans.server.di;

import dagger.Module;

/** Every module of the server's object graph, listed once for the server's and the tests' components. */
@Module(
    includes = {
      StorageModule.class,
      DomainModule.class,
      AccessModule.class,
      BillingModule.class,
      AlertModule.class,
      BindingModule.class,
      ServicesModule.class,
      InterceptorsModule.class,
      NotificationModule.class,
      WebhookModule.class,
      EventModule.class,
      MetricsModule.class
    })
public interface ServerModules {}
