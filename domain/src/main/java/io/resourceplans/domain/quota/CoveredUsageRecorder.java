package io.resourceplans.domain.quota;

import io.resourceplans.domain.idempotency.IdempotencyKey;

/**
 * RecordUsage's common case in one atomic database call: the account's packages cover the whole
 * quantity and no alert setting changes state. It does what the full path of {@link UsageService}
 * does in that case (burn-down under package row locks, alert check, the usage record unless the
 * request ID has one, deductions) and commits before it returns (possibly in one transaction with
 * other requests, each decided on its own). Anything else it leaves to the full path without
 * changing anything.
 */
public interface CoveredUsageRecorder {
  /** What the call did. */
  sealed interface Outcome permits Recorded, Claimed, NotCovered {}

  /** Recorded and committed: the draft with its deductions. */
  record Recorded(UsageRecord record) implements Outcome {}

  /**
   * The account's request ID was used before; nothing changed. {@code record} is the usage record it
   * wrote and {@code fingerprint} that request's; both null when another kind of request used it.
   */
  record Claimed(byte[] fingerprint, UsageRecord record) implements Outcome {}

  /** Packages fall short, or an alert must be queued or re-armed: nothing changed. */
  record NotCovered() implements Outcome {}

  /**
   * @param draft the record to write if packages cover it: every field but the deductions, with
   *     the whole quantity from packages and no pay-as-you-go part
   */
  Outcome record(IdempotencyKey key, UsageRecord draft);
}
