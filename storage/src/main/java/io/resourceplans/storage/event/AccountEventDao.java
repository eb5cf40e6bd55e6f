package io.resourceplans.storage.event;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL for {@code account_events} and {@code account_event_counters} (V24). Every statement names
 * the account except retention's deletion and {@link #lastSequences}.
 */
@RegisterConstructorMapper(AccountEventRow.class)
public interface AccountEventDao {
  /** The channel of the NOTIFY sent with each event's commit; the payload is the account ID. */
  String CHANNEL = "rp_account_events";

  String COLUMNS = "account_id, sequence, event_id, kind, payload, create_time, record_time";

  /**
   * Locks the account's event counter row (made at 0 on the account's first event) until the
   * transaction ends, and returns its value: the last sequence number given.
   */
  @SqlQuery("""
      insert into account_event_counters as c (account_id, last_sequence) values (:accountId, 0)
      on conflict (account_id) do update set last_sequence = c.last_sequence
      returning c.last_sequence
      """)
  long lockCounter(@Bind("accountId") String accountId);

  @SqlUpdate("update account_event_counters set last_sequence = :sequence where account_id = :accountId")
  int setCounter(@Bind("accountId") String accountId, @Bind("sequence") long sequence);

  @SqlUpdate("""
      insert into account_events (account_id, sequence, event_id, kind, payload, dedupe_key, create_time, record_time)
      values (:accountId, :sequence, :eventId, :kind, :payload, :dedupeKey, :createTime, :recordTime)
      """)
  void insert(
      @Bind("accountId") String accountId,
      @Bind("sequence") long sequence,
      @Bind("eventId") String eventId,
      @Bind("kind") String kind,
      @Bind("payload") String payload,
      @Bind("dedupeKey") String dedupeKey,
      @Bind("createTime") Instant createTime,
      @Bind("recordTime") Instant recordTime);

  /**
   * Queues a notification to the listeners of {@link #CHANNEL}, delivered when (and only if) the
   * transaction commits. A plain function call: on Citus it runs on the coordinator the listeners
   * are connected to.
   */
  @SqlQuery("select 1 from (select pg_notify('" + CHANNEL + "', :accountId)) n")
  int notifyWatchers(@Bind("accountId") String accountId);

  @SqlQuery("select " + COLUMNS + """
        from account_events where account_id = :accountId and kind = :kind and dedupe_key = :dedupeKey
      """)
  Optional<AccountEventRow> findByDedupeKey(
      @Bind("accountId") String accountId, @Bind("kind") String kind, @Bind("dedupeKey") String dedupeKey);

  @SqlQuery("select " + COLUMNS + """
        from account_events
       where account_id = :accountId and sequence > :after
       order by sequence
       limit :limit
      """)
  List<AccountEventRow> after(@Bind("accountId") String accountId, @Bind("after") long after, @Bind("limit") int limit);

  @SqlQuery("select sequence from account_events where account_id = :accountId and event_id = :eventId")
  Optional<Long> sequenceOf(@Bind("accountId") String accountId, @Bind("eventId") String eventId);

  @SqlQuery("select last_sequence from account_event_counters where account_id = :accountId")
  Optional<Long> lastSequence(@Bind("accountId") String accountId);

  @SqlQuery("select min(sequence) from account_events where account_id = :accountId")
  Optional<Long> oldestSequence(@Bind("accountId") String accountId);

  @SqlQuery("select account_id, last_sequence from account_event_counters where account_id in (<accountIds>)")
  @RegisterConstructorMapper(Counter.class)
  List<Counter> lastSequences(@BindList("accountIds") List<String> accountIds);

  /** One account's counter. */
  record Counter(String accountId, long lastSequence) {}

  /** The oldest rows recorded before the cutoff; rows a concurrent deletion holds are skipped. */
  @SqlUpdate("""
      delete from account_events e
       using (select account_id, sequence from account_events
               where record_time < :cutoff
               order by record_time
               limit :limit
                 for update skip locked) old
       where e.account_id = old.account_id and e.sequence = old.sequence
      """)
  int deleteRecordedBefore(@Bind("cutoff") Instant cutoff, @Bind("limit") int limit);

  /**
   * The same on Citus, which cannot lock rows across shards: nothing is locked while choosing, so a
   * concurrent deletion's rows are waited for (one batch's commit) and then found gone.
   */
  @SqlUpdate("""
      delete from account_events
       where (account_id, sequence) in (select account_id, sequence from account_events
                                         where record_time < :cutoff
                                         order by record_time
                                         limit :limit)
      """)
  int deleteRecordedBeforeDistributed(@Bind("cutoff") Instant cutoff, @Bind("limit") int limit);
}
