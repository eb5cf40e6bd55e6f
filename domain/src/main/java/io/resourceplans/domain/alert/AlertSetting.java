package io.resourceplans.domain.alert;

import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.notification.Channel;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** A stored threshold of one product and purpose (state ARMED or TRIGGERED). */
public record AlertSetting(
    String accountId,
    String productId,
    Purpose purpose,
    long threshold,
    Set<Channel> channels,
    AlertState state,
    Instant lastAlertTime,
    Instant updateTime) {

  public AlertSetting {
    if (state == AlertState.NOT_SET) {
      throw new IllegalArgumentException("a stored alert setting is ARMED or TRIGGERED");
    }
    if (channels.isEmpty()) {
      throw new IllegalArgumentException("a stored alert setting has at least one channel");
    }
    channels = Collections.unmodifiableSet(EnumSet.copyOf(channels));
  }

  AlertSetting triggered(Instant now) {
    return new AlertSetting(accountId, productId, purpose, threshold, channels, AlertState.TRIGGERED, now, updateTime);
  }

  AlertSetting rearmed() {
    return new AlertSetting(accountId, productId, purpose, threshold, channels, AlertState.ARMED, lastAlertTime, updateTime);
  }
}
