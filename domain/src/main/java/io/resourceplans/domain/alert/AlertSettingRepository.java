package io.resourceplans.domain.alert;

import io.resourceplans.domain.catalog.Purpose;
import java.util.List;
import java.util.Optional;

/** Alert settings, scoped by account. */
public interface AlertSettingRepository {
  /** Reads the setting and locks its row until the transaction ends; empty when none is set. */
  Optional<AlertSetting> lock(String accountId, String productId, Purpose purpose);

  /**
   * Inserts the setting unless one exists for its product and purpose (waiting for a concurrent
   * insert to settle). True when this call inserted it.
   */
  boolean insertIfAbsent(AlertSetting setting);

  /** Replaces threshold, channels, state and times of an existing setting. */
  void update(AlertSetting setting);

  /** False when there was nothing to delete. */
  boolean delete(String accountId, String productId, Purpose purpose);

  /** The account's settings (of one product, or all when null), by product then purpose. */
  List<AlertSetting> list(String accountId, String productId);
}
