package io.resourceplans.domain.hold;

/**
 * Told of each hold change after it committed, for metrics: never for a retried request answered
 * from its first answer, nor for an attempt rolled back. Called on the committing thread: an
 * implementation must be quick and must not throw.
 */
public interface HoldObserver {
  /** Observes nothing. */
  HoldObserver NONE = new HoldObserver() {};

  /** A hold was made: it holds {@link Hold#quantity()} units (from packages and pay-as-you-go). */
  default void reserved(Hold hold) {}

  /** A capture of {@code quantity} units of {@code hold} (as it is after the capture) became usage. */
  default void captured(Hold hold, long quantity) {}

  /** A hold was released by its owner; {@link Hold#released()} units went back. */
  default void released(Hold hold) {}

  /** The expiry pass released a hold past its expire time; {@link Hold#released()} units went back. */
  default void expired(Hold hold) {}
}
