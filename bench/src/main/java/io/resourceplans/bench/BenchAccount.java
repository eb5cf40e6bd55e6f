package io.resourceplans.bench;

import io.resourceplans.api.v1.PlanServiceGrpc;
import io.resourceplans.client.ResourcePlansClient;

/**
 * A prepared account: verified, funded, holding packages. The PlanService stub is made once,
 * so the measured loop only makes calls.
 */
record BenchAccount(String accountId, ResourcePlansClient client, PlanServiceGrpc.PlanServiceBlockingStub plan) {
  BenchAccount(String accountId, ResourcePlansClient client) {
    this(accountId, client, client.plan());
  }
}
