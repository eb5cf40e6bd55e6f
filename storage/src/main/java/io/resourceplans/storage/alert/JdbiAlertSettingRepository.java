package io.resourceplans.storage.alert;

import io.resourceplans.storage.db.Sql;
import java.util.function.Supplier;

import io.resourceplans.domain.alert.AlertSetting;
import io.resourceplans.domain.alert.AlertSettingRepository;
import io.resourceplans.domain.catalog.Purpose;
import java.util.List;
import java.util.Optional;

/**
 * {@link AlertSettingRepository} over {@link AlertSettingDao}, except {@link #lock}: every
 * RecordUsage runs it, so it is plain JDBC (see {@link Sql}).
 */
public final class JdbiAlertSettingRepository implements AlertSettingRepository {
  private final Supplier<AlertSettingDao> daos;
  private final Sql sql;

  /** @param daos attaches the DAO when first needed: the hot path never needs it */
  public JdbiAlertSettingRepository(Supplier<AlertSettingDao> daos, Sql sql) {
    this.daos = daos;
    this.sql = sql;
  }

  @Override
  public Optional<AlertSetting> lock(String accountId, String productId, Purpose purpose) {
    return sql.one("select " + AlertSettingDao.COLUMNS + """
          from alert_settings
         where account_id = ? and product_id = ? and purpose = ?
           for update
        """,
        rs -> new AlertSettingRow(
            rs.getString("account_id"), rs.getString("product_id"), rs.getString("purpose"), rs.getLong("threshold"),
            (String[]) rs.getArray("channels").getArray(), rs.getString("state"),
            Sql.instant(rs, "last_alert_time"), Sql.instant(rs, "update_time")),
        accountId, productId, purpose.name())
        .map(AlertSettingRow::toDomain);
  }

  @Override
  public boolean insertIfAbsent(AlertSetting setting) {
    return daos.get().insertIfAbsent(AlertSettingRow.of(setting)) == 1;
  }

  @Override
  public void update(AlertSetting setting) {
    if (daos.get().update(AlertSettingRow.of(setting)) != 1) {
      throw new IllegalStateException("alert setting to update is missing: " + setting.productId() + "/" + setting.purpose());
    }
  }

  @Override
  public boolean delete(String accountId, String productId, Purpose purpose) {
    return daos.get().delete(accountId, productId, purpose.name()) == 1;
  }

  @Override
  public List<AlertSetting> list(String accountId, String productId) {
    return daos.get().list(accountId, productId).stream().map(AlertSettingRow::toDomain).toList();
  }
}
