package io.resourceplans.storage.notification;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code notification_settings}. */
@RegisterConstructorMapper(NotificationSettingsRow.class)
public interface NotificationSettingsDao {
  @SqlQuery("""
      select account_id, language, email_off, sms_off, update_time
        from notification_settings
       where account_id = :accountId
      """)
  Optional<NotificationSettingsRow> find(@Bind("accountId") String accountId);

  @SqlUpdate("""
      insert into notification_settings (account_id, language, email_off, sms_off, update_time)
      values (:accountId, :language, :emailOff, :smsOff, :updateTime)
      on conflict (account_id) do update
         set language = excluded.language, email_off = excluded.email_off, sms_off = excluded.sms_off,
             update_time = excluded.update_time
      """)
  void upsert(@BindMethods NotificationSettingsRow row);
}
