package io.resourceplans.domain.event;

import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.tx.Tx;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Where a WatchAccountEvents stream starts, and the pages it reads. For the account's main key only
 * (as the webhook endpoints: the events say everything webhooks say); another account's ID is not
 * found, and another account's event ID is no cursor, like an unknown one.
 */
@Singleton
public final class AccountEventService {
  /**
   * Where a stream starts: it sends the account's events after {@code afterSequence}. When
   * {@code mayJump}, the first event it reads may be numbered higher than {@code afterSequence + 1}
   * (older ones were deleted meanwhile: a start from the oldest retained); otherwise such a hole is
   * events deleted behind the cursor, EVENT_CURSOR_EXPIRED.
   */
  public record Start(String accountId, long afterSequence, boolean mayJump) {}

  @Inject
  public AccountEventService() {}

  /**
   * The start of a stream for {@code caller}: after {@code afterEventId} (a retained event of the
   * account), or after {@code afterSequence} (null = not given; the event after it must be
   * retained), or from the oldest retained event, or (none of these) after the account's last event
   * so far, so that it gets every event that commits after this call. At most one of them.
   */
  public Start start(
      Tx tx, Principal caller, String accountId, String afterEventId, Long afterSequence, boolean fromOldestRetained) {
    String own = caller.requireMainAccount();
    String wanted = accountId == null || accountId.isEmpty() ? own : accountId;
    if (!wanted.equals(own)) {
      throw DomainException.notFound(ErrorCode.ACCOUNT_NOT_FOUND, "account", wanted);
    }
    boolean byEvent = afterEventId != null && !afterEventId.isEmpty();
    boolean bySequence = afterSequence != null;
    if (byEvent && bySequence) {
      throw DomainException.invalid("after_sequence", "must not be set with after_event_id");
    }
    if (fromOldestRetained && (byEvent || bySequence)) {
      throw DomainException.invalid(
          "from_oldest_retained", "must be false when after_event_id or after_sequence is set");
    }
    AccountEventRepository events = tx.get(AccountEventRepository.class);
    if (byEvent) {
      long sequence = events.sequenceOf(own, afterEventId).orElseThrow(() -> cursorExpired(afterEventId));
      return new Start(own, sequence, false);
    }
    long last = events.lastSequence(own);
    if (bySequence) {
      if (afterSequence > last) {
        throw DomainException.invalid(
            "after_sequence", "is past the account's last event (" + last + ")");
      }
      if (afterSequence < last && events.oldestSequence(own).orElse(Long.MAX_VALUE) > afterSequence + 1) {
        throw new DomainException(
            ErrorCode.EVENT_CURSOR_EXPIRED,
            "event " + (afterSequence + 1) + " of the account is no longer retained; "
                + "start a new stream without a cursor and reconcile",
            Map.of("after_sequence", Long.toString(afterSequence)));
      }
      return new Start(own, afterSequence, false);
    }
    if (fromOldestRetained) {
      return new Start(own, events.oldestSequence(own).orElse(last + 1) - 1, true);
    }
    return new Start(own, last, false);
  }

  /** Up to {@code limit} of the account's events after {@code afterSequence}, in order. */
  public List<AccountEvent> page(Tx tx, String accountId, long afterSequence, int limit) {
    return tx.get(AccountEventRepository.class).after(accountId, afterSequence, limit);
  }

  /** The last sequence number of each of these accounts that has had an event. */
  public Map<String, Long> lastSequences(Tx tx, java.util.Collection<String> accountIds) {
    return tx.get(AccountEventRepository.class).lastSequences(accountIds);
  }

  /** The refusal of a cursor that names no retained event of the account. */
  public static DomainException cursorExpired(String eventId) {
    return new DomainException(
        ErrorCode.EVENT_CURSOR_EXPIRED,
        "event " + eventId + " is not a retained event of the account (unknown, or older than the retention); "
            + "start a new stream without after_event_id and reconcile",
        Map.of("after_event_id", eventId));
  }

  /** The refusal of a stream whose next events were deleted while it was behind. */
  public static DomainException eventsDeletedBehind(long afterSequence, long next) {
    return new DomainException(
        ErrorCode.EVENT_CURSOR_EXPIRED,
        "events " + (afterSequence + 1) + " to " + (next - 1) + " of the account were deleted (retention) before "
            + "this stream reached them; start a new stream without after_event_id and reconcile",
        Map.of("after_sequence", Long.toString(afterSequence)));
  }
}
