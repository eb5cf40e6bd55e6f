package io.resourceplans.storage.binding;

import io.resourceplans.domain.binding.LoginAttempt;
import io.resourceplans.domain.binding.LoginAttemptRepository;
import java.time.Instant;

/** {@link LoginAttemptRepository} over {@link LoginAttemptDao}. */
public final class JdbiLoginAttemptRepository implements LoginAttemptRepository {
  private final LoginAttemptDao dao;

  public JdbiLoginAttemptRepository(LoginAttemptDao dao) {
    this.dao = dao;
  }

  @Override
  public LoginAttempt lock(String loginKey) {
    // A concurrent success may delete the row between the insert and the read: insert again.
    while (true) {
      dao.insertEmpty(loginKey);
      LoginAttempt locked = dao.lock(loginKey);
      if (locked != null) {
        return locked;
      }
    }
  }

  @Override
  public void update(LoginAttempt attempt) {
    dao.update(attempt);
  }

  @Override
  public void delete(String loginKey) {
    dao.delete(loginKey);
  }

  @Override
  public int purgeStale(Instant before, Instant now, int limit) {
    return dao.purgeStale(before, now, limit);
  }
}
