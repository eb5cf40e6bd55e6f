package io.resourceplans.storage.alert;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code alert_settings}. */
@RegisterConstructorMapper(AlertSettingRow.class)
public interface AlertSettingDao {
  String COLUMNS = "account_id, product_id, purpose, threshold, channels, state, last_alert_time, update_time";

  @SqlUpdate("insert into alert_settings (" + COLUMNS + """
      ) values (:accountId, :productId, :purpose, :threshold, :channels, :state, :lastAlertTime, :updateTime)
      on conflict (account_id, product_id, purpose) do nothing
      """)
  int insertIfAbsent(@BindMethods AlertSettingRow row);

  @SqlUpdate("""
      update alert_settings
         set threshold = :threshold, channels = :channels, state = :state,
             last_alert_time = :lastAlertTime, update_time = :updateTime
       where account_id = :accountId and product_id = :productId and purpose = :purpose
      """)
  int update(@BindMethods AlertSettingRow row);

  @SqlUpdate("""
      delete from alert_settings
       where account_id = :accountId and product_id = :productId and purpose = :purpose
      """)
  int delete(@Bind("accountId") String accountId, @Bind("productId") String productId, @Bind("purpose") String purpose);

  @SqlQuery("select " + COLUMNS + """
        from alert_settings
       where account_id = :accountId
         and (cast(:productId as text) is null or product_id = :productId)
       order by product_id, purpose
      """)
  List<AlertSettingRow> list(@Bind("accountId") String accountId, @Bind("productId") String productId);
}
