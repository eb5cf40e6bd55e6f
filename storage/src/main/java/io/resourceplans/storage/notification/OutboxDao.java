package io.resourceplans.storage.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code notification_outbox}. */
@RegisterConstructorMapper(DeliveryRow.class)
@RegisterConstructorMapper(BacklogRow.class)
public interface OutboxDao {
  String COLUMNS = """
      account_id, notification_id, kind, channel, recipient, subject, body, html_body, language, product_id,
      package_id, message_id, status, attempts, next_attempt_time, lease_owner, lease_until, last_error,
      create_time, finish_time""";

  /** 0 when the account's dedupe key exists (waits for a concurrent writer of it to settle). */
  @SqlUpdate("""
      insert into notification_outbox (account_id, notification_id, kind, channel, recipient, subject, body,
                                       product_id, package_id, message_id, status, dedupe_key, create_time,
                                       language, html_body, next_attempt_time)
      values (:accountId, :notificationId, :kind, :channel, :recipient, :subject, :body,
              :productId, :packageId, :messageId, :status, :dedupeKey, :createTime,
              :language, :htmlBody, :nextAttemptTime)
      on conflict (account_id, dedupe_key) do nothing
      """)
  int insertOnce(@BindMethods OutboxRow row);

  /**
   * Due PENDING rows with a free or expired lease, oldest due first; rows locked by a concurrent
   * claim are skipped, not waited for. The lease, owner and attempt count commit with the claim.
   */
  @SqlQuery("""
      with due as (
        select account_id, notification_id
          from notification_outbox
         where status = 'PENDING'
           and coalesce(next_attempt_time, create_time) <= :now
           and (lease_until is null or lease_until <= :now)
         order by coalesce(next_attempt_time, create_time), notification_id
         limit :limit
           for update skip locked)
      update notification_outbox o
         set lease_owner = :owner, lease_until = :leaseUntil, attempts = o.attempts + 1
        from due
       where o.account_id = due.account_id and o.notification_id = due.notification_id
      returning o.account_id, o.notification_id, o.kind, o.channel, o.recipient, o.subject, o.body, o.html_body,
                o.language, o.product_id, o.package_id, o.message_id, o.status, o.attempts, o.next_attempt_time,
                o.lease_owner, o.lease_until, o.last_error, o.create_time, o.finish_time
      """)
  List<DeliveryRow> claim(
      @Bind("owner") String owner, @Bind("now") Instant now, @Bind("leaseUntil") Instant leaseUntil, @Bind("limit") int limit);

  /**
   * {@link #claim} on Citus, which cannot lock rows across shards: nothing is locked while choosing,
   * and the update re-checks, on each chosen row's latest version, that it is still PENDING with a
   * free lease, so a row two replicas both chose is claimed by the first to commit and skipped by
   * the other. So that replicas seldom choose the same rows, each takes its own pseudo-random share
   * (by its owner name) of the oldest {@code 4 * limit} due rows.
   */
  @SqlQuery("""
      update notification_outbox o
         set lease_owner = :owner, lease_until = :leaseUntil, attempts = o.attempts + 1
       where (o.account_id, o.notification_id) in (
               select account_id, notification_id
                 from (select account_id, notification_id
                         from notification_outbox
                        where status = 'PENDING'
                          and coalesce(next_attempt_time, create_time) <= :now
                          and (lease_until is null or lease_until <= :now)
                        order by coalesce(next_attempt_time, create_time), notification_id
                        limit 4 * :limit) oldest
                order by md5(notification_id || :owner)
                limit :limit)
         and o.status = 'PENDING'
         and (o.lease_until is null or o.lease_until <= :now)
      returning o.account_id, o.notification_id, o.kind, o.channel, o.recipient, o.subject, o.body, o.html_body,
                o.language, o.product_id, o.package_id, o.message_id, o.status, o.attempts, o.next_attempt_time,
                o.lease_owner, o.lease_until, o.last_error, o.create_time, o.finish_time
      """)
  List<DeliveryRow> claimDistributed(
      @Bind("owner") String owner, @Bind("now") Instant now, @Bind("leaseUntil") Instant leaseUntil, @Bind("limit") int limit);

  /** Ends a claimed row (only while {@code owner} holds it); 0 when the lease was lost. */
  @SqlUpdate("""
      update notification_outbox
         set status = :status, last_error = :error, finish_time = :now, lease_owner = null, lease_until = null,
             -- a verification code is not kept once its email is out (or given up)
             body = case when kind = 'VERIFICATION_CODE' then '' else body end,
             html_body = case when kind = 'VERIFICATION_CODE' then null else html_body end
       where account_id = :accountId and notification_id = :notificationId
         and status = 'PENDING' and lease_owner = :owner
      """)
  int finish(
      @Bind("accountId") String accountId,
      @Bind("notificationId") String notificationId,
      @Bind("owner") String owner,
      @Bind("status") String status,
      @Bind("error") String error,
      @Bind("now") Instant now);

  @SqlUpdate("""
      update notification_outbox
         set next_attempt_time = :nextAttempt, last_error = :error, lease_owner = null, lease_until = null
       where account_id = :accountId and notification_id = :notificationId
         and status = 'PENDING' and lease_owner = :owner
      """)
  int retryLater(
      @Bind("accountId") String accountId,
      @Bind("notificationId") String notificationId,
      @Bind("owner") String owner,
      @Bind("nextAttempt") Instant nextAttempt,
      @Bind("error") String error);

  @SqlUpdate("""
      update notification_outbox
         set status = 'PENDING', attempts = 0, next_attempt_time = :now, finish_time = null,
             lease_owner = null, lease_until = null
       where account_id = :accountId and notification_id = :notificationId
         and status in ('FAILED', 'SKIPPED')
      """)
  int requeue(@Bind("accountId") String accountId, @Bind("notificationId") String notificationId, @Bind("now") Instant now);

  @SqlQuery("select " + COLUMNS + """
        from notification_outbox
       where account_id = :accountId and notification_id = :notificationId
      """)
  Optional<DeliveryRow> find(@Bind("accountId") String accountId, @Bind("notificationId") String notificationId);

  @SqlQuery("select " + COLUMNS + """
        from notification_outbox
       where (cast(:accountId as text) is null or account_id = :accountId)
         and (cast(:status as text) is null or status = :status)
         and (cast(:beforeTime as timestamptz) is null or (create_time, notification_id) < (:beforeTime, :beforeId))
       order by create_time desc, notification_id desc
       limit :limit
      """)
  List<DeliveryRow> list(
      @Bind("accountId") String accountId,
      @Bind("status") String status,
      @Bind("beforeTime") Instant beforeTime,
      @Bind("beforeId") String beforeId,
      @Bind("limit") int limit);

  /**
   * PENDING and FAILED rows by channel and status, for metrics: one aggregate over the
   * {@code (status, ...)} index's two ranges (DELIVERED and SKIPPED rows, most of the table, are not
   * read).
   */
  @SqlQuery("""
      select channel, status, count(*) as count,
             min(create_time) as oldest_create_time,
             min(case when status = 'PENDING' then coalesce(next_attempt_time, create_time) end) as oldest_due_time
        from notification_outbox
       where status in ('PENDING', 'FAILED')
       group by channel, status
      """)
  List<BacklogRow> backlog();
}
