package io.resourceplans.domain.event;

import io.resourceplans.domain.webhook.WebhookEventKind;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The account event log. {@link #append} is its one writer and gives each account's events the
 * numbers 1, 2, 3... in commit order without holes (see V24__account_events.sql for why); every read
 * names the account except retention's and {@link #lastSequences}.
 */
public interface AccountEventRepository {
  /**
   * Appends the event in the caller's transaction with the account's next sequence number and
   * signals watchers when that transaction commits; unless the account already has an event of
   * this kind with {@code dedupeKey}, which is returned instead (its own ID, payload and number).
   * Holds the account's event counter locked until the transaction ends.
   */
  AccountEvent append(
      String accountId, String eventId, WebhookEventKind kind, String dedupeKey, String payload, Instant createTime,
      Instant recordTime);

  /** The account's events after {@code afterSequence}, in sequence order, at most {@code limit}. */
  List<AccountEvent> after(String accountId, long afterSequence, int limit);

  /** The sequence number of a retained event of the account; empty when it has none with that ID. */
  OptionalLong sequenceOf(String accountId, String eventId);

  /** The number of the account's last event (0 before its first), retained or not. */
  long lastSequence(String accountId);

  /** The number of the account's oldest retained event; empty when none is retained. */
  OptionalLong oldestSequence(String accountId);

  /** {@link #lastSequence} of each account that has had an event (absent = none yet). */
  Map<String, Long> lastSequences(Collection<String> accountIds);

  /**
   * Deletes up to {@code limit} events recorded before {@code cutoff}, oldest first, skipping rows a
   * concurrent deletion holds; returns how many.
   */
  int deleteRecordedBefore(Instant cutoff, int limit);
}
