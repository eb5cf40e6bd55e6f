package io.resourceplans.domain.notification;

/** Hands a notification to the outside world on one channel (SMTP server, SMS gateway). */
public interface NotificationSender {
  Channel channel();

  /** False when the server has no settings for the channel: its notifications are SKIPPED. */
  boolean configured();

  /**
   * Sends one notification; returns normally once the other side accepted it.
   *
   * @throws DeliveryException when it was not accepted (retried unless permanent)
   */
  void send(Delivery delivery) throws DeliveryException;
}
