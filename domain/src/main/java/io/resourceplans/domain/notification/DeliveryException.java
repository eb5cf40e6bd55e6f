package io.resourceplans.domain.notification;

/**
 * A failed delivery attempt. The message is stored as the notification's last_error for
 * operators: it names what failed (e.g. "SMS gateway answered HTTP 500") and carries no secret.
 * A permanent failure (a refused address, a 4xx from the gateway) is not retried.
 */
public final class DeliveryException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean permanent;

  public DeliveryException(String message, boolean permanent) {
    super(message);
    this.permanent = permanent;
  }

  public DeliveryException(String message, boolean permanent, Throwable cause) {
    super(message, cause);
    this.permanent = permanent;
  }

  public boolean permanent() {
    return permanent;
  }
}
