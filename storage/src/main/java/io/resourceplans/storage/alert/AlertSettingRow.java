package io.resourceplans.storage.alert;

import io.resourceplans.domain.alert.AlertSetting;
import io.resourceplans.domain.alert.AlertState;
import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.notification.Channel;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.stream.Collectors;

/** A row of {@code alert_settings}; channels are stored as their enum names, in declaration order. */
record AlertSettingRow(
    String accountId,
    String productId,
    String purpose,
    long threshold,
    String[] channels,
    String state,
    Instant lastAlertTime,
    Instant updateTime) {

  static AlertSettingRow of(AlertSetting s) {
    return new AlertSettingRow(
        s.accountId(), s.productId(), s.purpose().name(), s.threshold(),
        EnumSet.copyOf(s.channels()).stream().map(Enum::name).toArray(String[]::new),
        s.state().name(), s.lastAlertTime(), s.updateTime());
  }

  AlertSetting toDomain() {
    return new AlertSetting(
        accountId, productId, Purpose.valueOf(purpose), threshold,
        Arrays.stream(channels).map(Channel::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Channel.class))),
        AlertState.valueOf(state), lastAlertTime, updateTime);
  }
}
