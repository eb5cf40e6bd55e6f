package io.resourceplans.server.notify;

import io.resourceplans.domain.notification.DispatchSettings;

/** Everything about delivering notifications: the dispatcher's schedule and retries, SMTP, SMS. */
public record DeliverySettings(DispatchSettings dispatch, SmtpSettings smtp, SmsSettings sms) {
  /** The default run: dispatcher on, neither email nor SMS configured. */
  public static DeliverySettings defaults() {
    return new DeliverySettings(DispatchSettings.defaults(), SmtpSettings.none(), SmsSettings.none());
  }
}
