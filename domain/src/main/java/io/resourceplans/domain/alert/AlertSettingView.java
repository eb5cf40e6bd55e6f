package io.resourceplans.domain.alert;

import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.notification.Channel;
import java.time.Instant;
import java.util.Set;

/**
 * An alert setting as the account reads it, with the remaining quantity now. NOT_SET has threshold
 * 0, no channels and no times.
 */
public record AlertSettingView(
    String productId,
    Purpose purpose,
    AlertState state,
    long threshold,
    Set<Channel> channels,
    long remaining,
    Instant lastAlertTime,
    Instant updateTime) {

  static AlertSettingView of(AlertSetting s, long remaining) {
    return new AlertSettingView(
        s.productId(), s.purpose(), s.state(), s.threshold(), s.channels(), remaining, s.lastAlertTime(), s.updateTime());
  }

  static AlertSettingView notSet(String productId, Purpose purpose, long remaining) {
    return new AlertSettingView(productId, purpose, AlertState.NOT_SET, 0, Set.of(), remaining, null, null);
  }
}
