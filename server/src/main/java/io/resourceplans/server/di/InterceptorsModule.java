package io.resourceplans.server.di;

import dagger.Module;
import dagger.Provides;
import io.resourceplans.server.auth.AuthInterceptor;
import io.resourceplans.server.errors.ExceptionTranslatingInterceptor;
import io.resourceplans.server.errors.ValidationInterceptor;
import io.resourceplans.server.grpc.ApiInterceptors;
import java.util.List;

/** The interceptor chain of the API services. */
@Module
public interface InterceptorsModule {
  /**
   * Runs (outermost first): exception translation, then authentication (so an anonymous caller
   * learns nothing about its input), then protovalidate.
   */
  @Provides
  static ApiInterceptors apiInterceptors(
      ValidationInterceptor validation, AuthInterceptor auth, ExceptionTranslatingInterceptor errors) {
    return new ApiInterceptors(List.of(validation, auth, errors));
  }
}
