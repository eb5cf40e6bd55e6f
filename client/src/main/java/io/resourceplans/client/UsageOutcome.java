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
 * @param replayed whether the usage was recorded by an earlier call with the same request_id and
 *     this answer is that call's (RecordUsages' {@code replayed}): a pipeline that resends after a
 *     lost answer counts it once
 */
public record UsageOutcome(
    RecordUsageRequest request, RecordUsageResponse response, ResourcePlansException error, boolean replayed) {
  /**
   * Checks that exactly one of {@code response} and {@code error} is set, and that only a recorded
   * usage is a replay.
   *
   * @param request the request as sent, with its request_id
   * @param response the answer; null when {@code error} is set
   * @param error why it failed; null when {@code response} is set
   * @param replayed whether this answer is an earlier call's
   */
  public UsageOutcome {
    if ((response == null) == (error == null)) {
      throw new IllegalArgumentException("exactly one of response and error");
    }
    if (replayed && error != null) {
      throw new IllegalArgumentException("a refused record is not replayed");
    }
  }

  /**
   * An outcome that is not a replay (as before {@code replayed} was added).
   *
   * @param request the request as sent, with its request_id
   * @param response the answer; null when {@code error} is set
   * @param error why it failed; null when {@code response} is set
   */
  public UsageOutcome(RecordUsageRequest request, RecordUsageResponse response, ResourcePlansException error) {
    this(request, response, error, false);
  }

  /** {@return whether the usage was recorded} (now, or by an earlier call with the same request_id: see {@link #replayed}) */
  public boolean recorded() {
    return error == null;
  }
}
