package io.resourceplans.server.notify;

import io.resourceplans.domain.notification.DispatchSettings;
import io.resourceplans.domain.webhook.WebhookSettings;

/**
 * Everything about delivering notifications: the dispatcher's schedule and retries, SMTP, SMS; and
 * webhooks (their dispatcher's schedule, retries and which URLs they may call).
 */
public record DeliverySettings(DispatchSettings dispatch, SmtpSettings smtp, SmsSettings sms, WebhookSettings webhooks) {
  /** With the default webhook settings. */
  public DeliverySettings(DispatchSettings dispatch, SmtpSettings smtp, SmsSettings sms) {
    this(dispatch, smtp, sms, WebhookSettings.defaults());
  }

  /** The default run: dispatcher on, neither email nor SMS configured. */
  public static DeliverySettings defaults() {
    return new DeliverySettings(DispatchSettings.defaults(), SmtpSettings.none(), SmsSettings.none());
  }
}
