package io.resourceplans.server.services;

import io.resourceplans.api.v1.PlanServiceGrpc;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * PlanService: catalog, orders, wallet, packages and usage. Its contract is complete; the behaviour
 * arrives with the purchase and usage issues, and until then every RPC answers UNIMPLEMENTED.
 */
@Singleton
public final class PlanGrpcService extends PlanServiceGrpc.PlanServiceImplBase {
  @Inject
  PlanGrpcService() {}
}
