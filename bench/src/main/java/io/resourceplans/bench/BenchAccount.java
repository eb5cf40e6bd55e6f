package io.resourceplans.bench;

import io.grpc.Channel;
import io.resourceplans.client.PlanServiceClient;
import io.resourceplans.client.ResourcePlansClient;
import java.time.Duration;

/**
 * A prepared account: verified, funded, holding packages. Its API key is kept so that the same
 * account can be driven through another server (the footprint's child process, same database).
 */
record BenchAccount(String accountId, String apiKey, Channel channel, ResourcePlansClient client, PlanServiceClient plan) {
  static final Duration DEADLINE = Duration.ofSeconds(30);

  BenchAccount(String accountId, String apiKey, Channel channel) {
    this(accountId, apiKey, channel, ResourcePlansClient.overChannel(channel, apiKey, DEADLINE));
  }

  private BenchAccount(String accountId, String apiKey, Channel channel, ResourcePlansClient client) {
    this(accountId, apiKey, channel, client, client.plan());
  }

  /** The same account, called through {@code channel}. */
  BenchAccount over(Channel channel) {
    return new BenchAccount(accountId, apiKey, channel);
  }

  @Override
  public String toString() {
    return "BenchAccount[" + accountId + "]"; // not the key
  }
}
