package io.resourceplans.server.di;

import dagger.Module;
import dagger.Provides;
import io.resourceplans.server.auth.AuthInterceptor;
import io.resourceplans.server.errors.ExceptionTranslatingInterceptor;
import io.resourceplans.server.errors.ValidationInterceptor;
import io.resourceplans.server.grpc.ApiInterceptors;
import io.resourceplans.server.logging.AccessLogInterceptor;
import java.util.List;

/** The interceptor chain of the API services. */
@Module
public interface InterceptorsModule {
  /**
   * Runs (outermost first): the access log (it sees every call's final status and gives the call
   * its correlation ID), exception translation, then authentication (so an anonymous caller
   * learns nothing about its input), then protovalidate.
   */
  @Provides
  static ApiInterceptors apiInterceptors(
      ValidationInterceptor validation,
      AuthInterceptor auth,
      ExceptionTranslatingInterceptor errors,
      AccessLogInterceptor accessLog) {
    return new ApiInterceptors(List.of(validation, auth, errors, accessLog));
  }
}
