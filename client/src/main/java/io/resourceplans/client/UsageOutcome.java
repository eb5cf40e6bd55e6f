package io.resourceplans.client;

import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.RecordUsageResponse;

/**
 * What became of one usage record sent by {@link UsageBatcher#recordAll}: the request as sent
 * (its request_id filled in), and either the server's answer or the error.
 *
 * @param request the request as sent, with its request_id
 * @param response the answer; null when {@code error} is set
 * @param error why it failed; null when {@code response} is set
 */
public record UsageOutcome(RecordUsageRequest request, RecordUsageResponse response, ResourcePlansException error) {
  /** {@return whether the usage was recorded} (now or by an earlier call with the same request_id) */
  public boolean recorded() {
    return error == null;
  }
}
