package io.resourceplans.domain.quota;

import io.resourceplans.domain.error.ErrorCode;

/**
 * Told what each {@link UsageService#record} call came to, after it committed (or was refused),
 * for metrics. Called on the caller's thread: an implementation must be quick and must not throw.
 */
public interface UsageObserver {
  /** Observes nothing. */
  UsageObserver NONE = new UsageObserver() {};

  /** A new usage record was written: covered by packages, pay-as-you-go, or both. */
  default void recorded(UsageRecord record) {}

  /** A retry of a request ID that already has a usage record: answered with that record, nothing changed. */
  default void replayed(UsageRecord first) {}

  /** Refused by a rule (e.g. QUOTA_EXHAUSTED, INSUFFICIENT_BALANCE); nothing changed. */
  default void refused(ErrorCode reason) {}
}
