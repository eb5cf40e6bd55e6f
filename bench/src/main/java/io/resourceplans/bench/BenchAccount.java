package io.resourceplans.bench;

import io.resourceplans.client.PlanServiceClient;
import io.resourceplans.client.ResourcePlansClient;

/**
 * A prepared account: verified, funded, holding packages.
 */
record BenchAccount(String accountId, ResourcePlansClient client, PlanServiceClient plan) {
  BenchAccount(String accountId, ResourcePlansClient client) {
    this(accountId, client, client.plan());
  }
}
