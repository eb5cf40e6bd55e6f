package io.resourceplans.domain.quota;

import io.resourceplans.domain.idempotency.IdempotencyKey;
import java.util.ArrayList;
import java.util.List;

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
  sealed interface Outcome permits Recorded, Claimed, NotCovered, Deferred {}

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
   * Only from {@link #recordInOrder}: not decided, because an earlier item of its account and
   * product in the same list was left to the full path, which must run first; nothing changed.
   */
  record Deferred() implements Outcome {}

  /** One item of {@link #recordInOrder}: as the two arguments of {@link #record}. */
  record Item(IdempotencyKey key, UsageRecord draft) {}

  /**
   * @param draft the record to write if packages cover it: every field but the deductions, with
   *     the whole quantity from packages and no pay-as-you-go part
   */
  Outcome record(IdempotencyKey key, UsageRecord draft);

  /**
   * The records of one RecordUsages call, decided in the order given as if they were sent one by
   * one, their covered ones committed together (one transaction). Packages and alert settings
   * belong to one account and product, so only the items of one account and product depend on each
   * other: per account and product, the answers are, in order, decided items ({@link Recorded},
   * {@link Claimed}, each decided after the earlier ones' deductions); then, from its first
   * {@link NotCovered} item on, only NotCovered and Claimed ones (no later item may be decided
   * before that one took the full path; a Claimed answer does not depend on it); then, from its
   * first {@link Deferred} item on, only Deferred ones. The caller runs the NotCovered items
   * through the full path in order, then offers the Deferred ones again.
   *
   * <p>This default decides nothing: every item NotCovered, so each takes the full path, in order.
   *
   * @return one outcome per item, in order
   */
  default List<Outcome> recordInOrder(List<Item> items) {
    List<Outcome> outcomes = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      outcomes.add(new NotCovered());
    }
    return outcomes;
  }
}
