package io.resourceplans.storage.binding;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code verification_codes}. */
@RegisterConstructorMapper(VerificationCodeRow.class)
public interface VerificationCodeDao {
  String COLUMNS = """
      email, purpose, code_id, cloud_account_id, code_hash, attempts, send_time, expire_time, use_time
      """;

  /**
   * Insert or replace, unless the current code was sent after :cooledDownBefore: then 0 rows. The
   * conflict path locks the row, so concurrent sends are decided one after the other.
   */
  @SqlUpdate("""
      insert into verification_codes (email, purpose, code_id, cloud_account_id, code_hash, attempts,
                                      send_time, expire_time, use_time)
      values (:email, :purpose, :codeId, :cloudAccountId, :codeHash, :attempts, :sendTime, :expireTime, :useTime)
      on conflict (email, purpose) do update
         set code_id = excluded.code_id, cloud_account_id = excluded.cloud_account_id,
             code_hash = excluded.code_hash, attempts = excluded.attempts, send_time = excluded.send_time,
             expire_time = excluded.expire_time, use_time = excluded.use_time
       where verification_codes.send_time <= :cooledDownBefore
      """)
  int replaceIfCooledDown(@BindMethods VerificationCodeRow row, @Bind("cooledDownBefore") Instant cooledDownBefore);

  @SqlQuery("select " + COLUMNS + " from verification_codes where email = :email and purpose = :purpose")
  Optional<VerificationCodeRow> find(@Bind("email") String email, @Bind("purpose") String purpose);

  @SqlQuery("select " + COLUMNS + " from verification_codes where email = :email and purpose = :purpose for update")
  Optional<VerificationCodeRow> findForUpdate(@Bind("email") String email, @Bind("purpose") String purpose);

  @SqlUpdate("""
      update verification_codes set attempts = attempts + 1
       where email = :email and purpose = :purpose and code_id = :codeId
      """)
  int addFailedAttempt(@Bind("email") String email, @Bind("purpose") String purpose, @Bind("codeId") String codeId);

  @SqlUpdate("""
      update verification_codes set use_time = :useTime
       where email = :email and purpose = :purpose and code_id = :codeId
      """)
  int markUsed(
      @Bind("email") String email,
      @Bind("purpose") String purpose,
      @Bind("codeId") String codeId,
      @Bind("useTime") Instant useTime);
}
