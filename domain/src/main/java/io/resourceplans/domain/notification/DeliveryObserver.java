package io.resourceplans.domain.notification;

/**
 * Told of every delivery attempt the {@link NotificationDispatcher} makes, for metrics. Called on
 * the dispatcher's thread: an implementation must be quick and must not throw.
 */
public interface DeliveryObserver {
  /** Observes nothing. */
  DeliveryObserver NONE = (channel, outcome) -> {};

  /** One attempt at a notification of {@code channel} came to {@code outcome}. */
  void attempted(Channel channel, AttemptOutcome outcome);
}
