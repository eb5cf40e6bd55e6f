package io.resourceplans.storage.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL for {@code webhook_deliveries}. Every statement names the account except the dispatcher's
 * claim, which spans accounts exactly as the notification outbox's does (OutboxDao).
 */
@RegisterConstructorMapper(WebhookDeliveryRow.class)
public interface WebhookDeliveryDao {
  String COLUMNS = """
      account_id, delivery_id, endpoint_id, event_id, event_kind, payload, status, attempts, next_attempt_time,
      last_error, last_status_code, create_time, give_up_time, finish_time""";
  String RETURNING = """
      returning d.account_id, d.delivery_id, d.endpoint_id, d.event_id, d.event_kind, d.payload, d.status, d.attempts,
                d.next_attempt_time, d.last_error, d.last_status_code, d.create_time, d.give_up_time, d.finish_time""";

  /** 0 when the endpoint already has the dedupe key (waits for a concurrent writer of it to settle). */
  @SqlUpdate("""
      insert into webhook_deliveries (account_id, delivery_id, endpoint_id, event_id, event_kind, payload, dedupe_key,
                                      status, create_time, give_up_time)
      values (:accountId, :deliveryId, :endpointId, :eventId, :eventKind, :payload, :dedupeKey,
              'PENDING', :createTime, :giveUpTime)
      on conflict (account_id, endpoint_id, dedupe_key) do nothing
      """)
  int insertOnce(
      @Bind("accountId") String accountId,
      @Bind("deliveryId") String deliveryId,
      @Bind("endpointId") String endpointId,
      @Bind("eventId") String eventId,
      @Bind("eventKind") String eventKind,
      @Bind("payload") String payload,
      @Bind("dedupeKey") String dedupeKey,
      @Bind("createTime") Instant createTime,
      @Bind("giveUpTime") Instant giveUpTime);

  /** Due PENDING rows with a free or expired lease, oldest due first; locked rows are skipped. */
  @SqlQuery("""
      with due as (
        select account_id, delivery_id
          from webhook_deliveries
         where status = 'PENDING'
           and coalesce(next_attempt_time, create_time) <= :now
           and (lease_until is null or lease_until <= :now)
         order by coalesce(next_attempt_time, create_time), delivery_id
         limit :limit
           for update skip locked)
      update webhook_deliveries d
         set lease_owner = :owner, lease_until = :leaseUntil, attempts = d.attempts + 1
        from due
       where d.account_id = due.account_id and d.delivery_id = due.delivery_id
      """ + RETURNING)
  List<WebhookDeliveryRow> claim(
      @Bind("owner") String owner, @Bind("now") Instant now, @Bind("leaseUntil") Instant leaseUntil, @Bind("limit") int limit);

  /**
   * {@link #claim} on Citus, as OutboxDao.claimDistributed: nothing locked while choosing, the update
   * re-checks each chosen row, and each replica takes its own pseudo-random share of the oldest due rows.
   */
  @SqlQuery("""
      update webhook_deliveries d
         set lease_owner = :owner, lease_until = :leaseUntil, attempts = d.attempts + 1
       where (d.account_id, d.delivery_id) in (
               select account_id, delivery_id
                 from (select account_id, delivery_id
                         from webhook_deliveries
                        where status = 'PENDING'
                          and coalesce(next_attempt_time, create_time) <= :now
                          and (lease_until is null or lease_until <= :now)
                        order by coalesce(next_attempt_time, create_time), delivery_id
                        limit 4 * :limit) oldest
                order by md5(delivery_id || :owner)
                limit :limit)
         and d.status = 'PENDING'
         and (d.lease_until is null or d.lease_until <= :now)
      """ + RETURNING)
  List<WebhookDeliveryRow> claimDistributed(
      @Bind("owner") String owner, @Bind("now") Instant now, @Bind("leaseUntil") Instant leaseUntil, @Bind("limit") int limit);

  @SqlUpdate("""
      update webhook_deliveries
         set status = :status, last_error = :error, last_status_code = :statusCode, finish_time = :now,
             lease_owner = null, lease_until = null
       where account_id = :accountId and delivery_id = :deliveryId
         and status = 'PENDING' and lease_owner = :owner
      """)
  int finish(
      @Bind("accountId") String accountId,
      @Bind("deliveryId") String deliveryId,
      @Bind("owner") String owner,
      @Bind("status") String status,
      @Bind("error") String error,
      @Bind("statusCode") Integer statusCode,
      @Bind("now") Instant now);

  @SqlUpdate("""
      update webhook_deliveries
         set next_attempt_time = :nextAttempt, last_error = :error, last_status_code = :statusCode,
             lease_owner = null, lease_until = null
       where account_id = :accountId and delivery_id = :deliveryId
         and status = 'PENDING' and lease_owner = :owner
      """)
  int retryLater(
      @Bind("accountId") String accountId,
      @Bind("deliveryId") String deliveryId,
      @Bind("owner") String owner,
      @Bind("nextAttempt") Instant nextAttempt,
      @Bind("error") String error,
      @Bind("statusCode") Integer statusCode);

  /**
   * A replay. An attempt in flight (its lease not over) is not recorded when it ends (its owner no
   * longer matches), and the replay is due when that lease ends, so that no pass sends the delivery
   * while the attempt may still be sending it.
   */
  @SqlUpdate("""
      update webhook_deliveries
         set status = 'PENDING', attempts = 0, give_up_time = :giveUpTime, finish_time = null,
             next_attempt_time = case when lease_until > :now then lease_until else :now end,
             lease_owner = null,
             lease_until = case when lease_until > :now then lease_until end
       where account_id = :accountId and delivery_id = :deliveryId
      """)
  int requeue(
      @Bind("accountId") String accountId,
      @Bind("deliveryId") String deliveryId,
      @Bind("now") Instant now,
      @Bind("giveUpTime") Instant giveUpTime);

  @SqlQuery("select " + COLUMNS + " from webhook_deliveries where account_id = :accountId and delivery_id = :deliveryId")
  Optional<WebhookDeliveryRow> find(@Bind("accountId") String accountId, @Bind("deliveryId") String deliveryId);

  @SqlQuery("select " + COLUMNS + """
        from webhook_deliveries
       where account_id = :accountId
         and (cast(:endpointId as text) is null or endpoint_id = :endpointId)
         and (cast(:status as text) is null or status = :status)
         and (cast(:beforeTime as timestamptz) is null or (create_time, delivery_id) < (:beforeTime, :beforeId))
       order by create_time desc, delivery_id desc
       limit :limit
      """)
  List<WebhookDeliveryRow> list(
      @Bind("accountId") String accountId,
      @Bind("endpointId") String endpointId,
      @Bind("status") String status,
      @Bind("beforeTime") Instant beforeTime,
      @Bind("beforeId") String beforeId,
      @Bind("limit") int limit);
}
