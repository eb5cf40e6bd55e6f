package io.resourceplans.storage.binding;

import io.resourceplans.domain.binding.LoginAttempt;
import java.time.Instant;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code login_attempts}. */
@RegisterConstructorMapper(LoginAttempt.class)
public interface LoginAttemptDao {
  @SqlUpdate("insert into login_attempts (login_key, failures) values (:key, 0) on conflict do nothing")
  int insertEmpty(@Bind("key") String loginKey);

  @SqlQuery("""
      select login_key, failures, last_failure_time, locked_until
        from login_attempts where login_key = :key for update
      """)
  LoginAttempt lock(@Bind("key") String loginKey);

  @SqlUpdate("""
      update login_attempts
         set failures = :failures, last_failure_time = :lastFailureTime, locked_until = :lockedUntil
       where login_key = :loginKey
      """)
  int update(@BindMethods LoginAttempt attempt);

  @SqlUpdate("delete from login_attempts where login_key = :key")
  int delete(@Bind("key") String loginKey);

  /** Skips rows other attempts hold: the purge never waits on (or deadlocks with) a log-in. */
  @SqlUpdate("""
      delete from login_attempts
       where login_key in (select login_key from login_attempts
                            where last_failure_time < :before and (locked_until is null or locked_until <= :now)
                            limit :limit
                              for update skip locked)
      """)
  int purgeStale(@Bind("before") Instant before, @Bind("now") Instant now, @Bind("limit") int limit);
}
