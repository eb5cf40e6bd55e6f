package io.resourceplans.storage.alert;

import io.resourceplans.domain.alert.AlertSettingRepository;
import io.resourceplans.storage.db.FeatureRepositories;

/** The alert feature's repositories (see {@link FeatureRepositories}). */
public final class AlertRepositories implements FeatureRepositories {
  @Override
  public void register(Registry registry) {
    registry.add(AlertSettingRepository.class, c -> new SqlAlertSettingRepository(c.sql()));
  }
}
