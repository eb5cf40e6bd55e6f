package io.resourceplans.server.services;

import io.resourceplans.api.v1.BindingServiceGrpc;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * BindingService: the vendor side of marketplace activation. Its contract is complete; the
 * behaviour arrives with the binding issue, and until then every RPC answers UNIMPLEMENTED.
 */
@Singleton
public final class BindingGrpcService extends BindingServiceGrpc.BindingServiceImplBase {
  @Inject
  BindingGrpcService() {}
}
