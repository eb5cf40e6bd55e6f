package io.resourceplans.storage.notification;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code notification_attempts}. */
@RegisterConstructorMapper(DeliveryAttemptRow.class)
public interface DeliveryAttemptDao {
  // The lease the caller holds on the outbox row serializes attempts of one notification, so the
  // next seq cannot be taken twice.
  @SqlUpdate("""
      insert into notification_attempts
             (account_id, notification_id, seq, attempt_time, outcome, error, dispatcher)
      select :accountId, :notificationId, coalesce(max(seq), 0) + 1, :attemptTime, :outcome, :error, :dispatcher
        from notification_attempts
       where account_id = :accountId and notification_id = :notificationId
      """)
  void add(
      @Bind("accountId") String accountId,
      @Bind("notificationId") String notificationId,
      @Bind("attemptTime") Instant attemptTime,
      @Bind("outcome") String outcome,
      @Bind("error") String error,
      @Bind("dispatcher") String dispatcher);

  @SqlQuery("""
      select account_id, notification_id, seq, attempt_time, outcome, error, dispatcher
        from notification_attempts
       where account_id = :accountId and notification_id = :notificationId
       order by seq
      """)
  List<DeliveryAttemptRow> list(@Bind("accountId") String accountId, @Bind("notificationId") String notificationId);
}
