package io.resourceplans.storage.event;

import io.resourceplans.domain.event.AccountEvent;
import io.resourceplans.domain.event.AccountEventRepository;
import io.resourceplans.domain.webhook.WebhookEventKind;
import io.resourceplans.storage.db.DatabaseEngine;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@link AccountEventRepository} over {@link AccountEventDao}.
 *
 * <p><b>Why sequence numbers commit in order, without holes.</b> {@link #append} first locks the
 * account's counter row (an upsert: the row is made on the account's first event) and keeps the lock
 * until the cause's transaction ends; only then does it look for the dedupe key, give the counter's
 * next number and insert the event. A second writer of the same account blocks on the counter row
 * until the first commits or rolls back, and then (READ COMMITTED) reads the committed counter. So
 * for one account: (1) number N + 1 is given only after the transaction holding N has ended, hence
 * commits after it; a reader that has seen N and asks for "after N" can never miss an event that
 * commits later with a smaller number; (2) a rollback takes its increment with it, so the numbers
 * have no holes, and a hole a reader does find can only be events deleted by retention (the stream
 * then fails EVENT_CURSOR_EXPIRED instead of skipping them); (3) the dedupe check runs under the
 * lock, so two writers of one cause cannot both insert.
 */
public final class JdbiAccountEventRepository implements AccountEventRepository {
  private final AccountEventDao dao;
  private final DatabaseEngine engine;

  public JdbiAccountEventRepository(AccountEventDao dao, DatabaseEngine engine) {
    this.dao = dao;
    this.engine = engine;
  }

  @Override
  public AccountEvent append(
      String accountId, String eventId, WebhookEventKind kind, String dedupeKey, String payload, Instant createTime,
      Instant recordTime) {
    long last = dao.lockCounter(accountId);
    var earlier = dao.findByDedupeKey(accountId, kind.name(), dedupeKey);
    if (earlier.isPresent()) {
      return earlier.get().toDomain();
    }
    long sequence = last + 1;
    dao.setCounter(accountId, sequence);
    dao.insert(accountId, sequence, eventId, kind.name(), payload, dedupeKey, createTime, recordTime);
    dao.notifyWatchers(accountId);
    return new AccountEvent(accountId, sequence, eventId, kind, payload, createTime, recordTime);
  }

  @Override
  public List<AccountEvent> after(String accountId, long afterSequence, int limit) {
    return dao.after(accountId, afterSequence, limit).stream().map(AccountEventRow::toDomain).toList();
  }

  @Override
  public OptionalLong sequenceOf(String accountId, String eventId) {
    return dao.sequenceOf(accountId, eventId).map(OptionalLong::of).orElse(OptionalLong.empty());
  }

  @Override
  public long lastSequence(String accountId) {
    return dao.lastSequence(accountId).orElse(0L);
  }

  @Override
  public OptionalLong oldestSequence(String accountId) {
    return dao.oldestSequence(accountId).map(OptionalLong::of).orElse(OptionalLong.empty());
  }

  @Override
  public Map<String, Long> lastSequences(Collection<String> accountIds) {
    Map<String, Long> out = new HashMap<>();
    if (accountIds.isEmpty()) {
      return out;
    }
    for (AccountEventDao.Counter c : dao.lastSequences(List.copyOf(accountIds))) {
      out.put(c.accountId(), c.lastSequence());
    }
    return out;
  }

  @Override
  public int deleteRecordedBefore(Instant cutoff, int limit) {
    return engine == DatabaseEngine.CITUS
        ? dao.deleteRecordedBeforeDistributed(cutoff, limit)
        : dao.deleteRecordedBefore(cutoff, limit);
  }
}
