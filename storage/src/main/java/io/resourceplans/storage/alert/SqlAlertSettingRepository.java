package io.resourceplans.storage.alert;

import io.resourceplans.domain.alert.AlertSetting;
import io.resourceplans.domain.alert.AlertSettingRepository;
import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.storage.db.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@link AlertSettingRepository} on {@code alert_settings}, in plain JDBC: every RecordUsage that
 * takes the full path locks its setting (see {@link Sql}).
 */
public final class SqlAlertSettingRepository implements AlertSettingRepository {
  private static final String COLUMNS =
      "account_id, product_id, purpose, threshold, channels, state, last_alert_time, update_time";

  private final Sql sql;

  public SqlAlertSettingRepository(Sql sql) {
    this.sql = sql;
  }

  @Override
  public Optional<AlertSetting> lock(String accountId, String productId, Purpose purpose) {
    return sql.one("select " + COLUMNS + """
          from alert_settings
         where account_id = ? and product_id = ? and purpose = ?
           for update
        """, SqlAlertSettingRepository::row, accountId, productId, purpose.name());
  }

  @Override
  public boolean insertIfAbsent(AlertSetting setting) {
    AlertSettingRow r = AlertSettingRow.of(setting);
    return sql.update("insert into alert_settings (" + COLUMNS + """
        ) values (?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (account_id, product_id, purpose) do nothing
        """, r.accountId(), r.productId(), r.purpose(), r.threshold(), new Sql.TextArray(r.channels()), r.state(),
        r.lastAlertTime(), r.updateTime()) == 1;
  }

  @Override
  public void update(AlertSetting setting) {
    AlertSettingRow r = AlertSettingRow.of(setting);
    int updated = sql.update("""
        update alert_settings
           set threshold = ?, channels = ?, state = ?, last_alert_time = ?, update_time = ?
         where account_id = ? and product_id = ? and purpose = ?
        """, r.threshold(), new Sql.TextArray(r.channels()), r.state(), r.lastAlertTime(), r.updateTime(),
        r.accountId(), r.productId(), r.purpose());
    if (updated != 1) {
      throw new IllegalStateException(
          "alert setting to update is missing: " + setting.productId() + "/" + setting.purpose());
    }
  }

  @Override
  public boolean delete(String accountId, String productId, Purpose purpose) {
    return sql.update("""
        delete from alert_settings
         where account_id = ? and product_id = ? and purpose = ?
        """, accountId, productId, purpose.name()) == 1;
  }

  /** Every setting of the account, or of one of its products when {@code productId} is not null. */
  @Override
  public List<AlertSetting> list(String accountId, String productId) {
    return sql.list("select " + COLUMNS + """
          from alert_settings
         where account_id = ?
           and (cast(? as text) is null or product_id = ?)
         order by product_id, purpose
        """, SqlAlertSettingRepository::row, accountId, productId, productId);
  }

  private static AlertSetting row(ResultSet rs) throws SQLException {
    return new AlertSettingRow(
        rs.getString("account_id"), rs.getString("product_id"), rs.getString("purpose"), rs.getLong("threshold"),
        (String[]) rs.getArray("channels").getArray(), rs.getString("state"),
        Sql.instant(rs, "last_alert_time"), Sql.instant(rs, "update_time")).toDomain();
  }
}
