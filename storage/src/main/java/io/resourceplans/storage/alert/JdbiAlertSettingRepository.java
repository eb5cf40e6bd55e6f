package io.resourceplans.storage.alert;

import io.resourceplans.domain.alert.AlertSetting;
import io.resourceplans.domain.alert.AlertSettingRepository;
import io.resourceplans.domain.catalog.Purpose;
import java.util.List;
import java.util.Optional;

/** {@link AlertSettingRepository} over {@link AlertSettingDao}. */
public final class JdbiAlertSettingRepository implements AlertSettingRepository {
  private final AlertSettingDao dao;

  public JdbiAlertSettingRepository(AlertSettingDao dao) {
    this.dao = dao;
  }

  @Override
  public Optional<AlertSetting> lock(String accountId, String productId, Purpose purpose) {
    return dao.lock(accountId, productId, purpose.name()).map(AlertSettingRow::toDomain);
  }

  @Override
  public boolean insertIfAbsent(AlertSetting setting) {
    return dao.insertIfAbsent(AlertSettingRow.of(setting)) == 1;
  }

  @Override
  public void update(AlertSetting setting) {
    if (dao.update(AlertSettingRow.of(setting)) != 1) {
      throw new IllegalStateException("alert setting to update is missing: " + setting.productId() + "/" + setting.purpose());
    }
  }

  @Override
  public boolean delete(String accountId, String productId, Purpose purpose) {
    return dao.delete(accountId, productId, purpose.name()) == 1;
  }

  @Override
  public List<AlertSetting> list(String accountId, String productId) {
    return dao.list(accountId, productId).stream().map(AlertSettingRow::toDomain).toList();
  }
}
