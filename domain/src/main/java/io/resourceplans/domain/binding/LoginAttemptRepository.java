package io.resourceplans.domain.binding;

import java.time.Instant;

/** Failed log-ins per login key. */
public interface LoginAttemptRepository {
  /**
   * Reads the key's row, creating an empty one if there is none, and locks it until the transaction
   * ends: concurrent attempts at one key are weighed one at a time.
   */
  LoginAttempt lock(String loginKey);

  void update(LoginAttempt attempt);

  void delete(String loginKey);

  /** Deletes up to {@code limit} rows with no failure since {@code before} and no lock still running. */
  int purgeStale(Instant before, Instant now, int limit);
}
