package io.resourceplans.server.mapping;

import io.resourceplans.api.v1.PayAsYouGoSpendAlert;
import io.resourceplans.api.v1.PayAsYouGoSpendAlertState;
import java.util.Optional;

/** Pay-as-you-go spend alerts between the domain and the API. */
public final class PayAsYouGoSpendAlertMapper {
  private PayAsYouGoSpendAlertMapper() {}

  /** Empty: NOT_SET. */
  public static PayAsYouGoSpendAlert toProto(Optional<io.resourceplans.domain.billing.PayAsYouGoSpendAlert> alert) {
    if (alert.isEmpty()) {
      return PayAsYouGoSpendAlert.newBuilder().setState(PayAsYouGoSpendAlertState.PAY_AS_YOU_GO_SPEND_ALERT_STATE_NOT_SET).build();
    }
    var a = alert.get();
    PayAsYouGoSpendAlert.Builder b = PayAsYouGoSpendAlert.newBuilder()
        .setState(a.triggered()
            ? PayAsYouGoSpendAlertState.PAY_AS_YOU_GO_SPEND_ALERT_STATE_TRIGGERED
            : PayAsYouGoSpendAlertState.PAY_AS_YOU_GO_SPEND_ALERT_STATE_ARMED)
        .setThreshold(MoneyMapper.toProto(a.threshold()))
        .setMonth(a.month().toString())
        .setMonthSpend(MoneyMapper.toProto(a.monthSpend()))
        .setCountedUntil(Timestamps.of(a.countedUntil()));
    if (a.triggerTime() != null) {
      b.setTriggerTime(Timestamps.of(a.triggerTime()));
    }
    return b.build();
  }
}
