package io.resourceplans.storage.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code api_keys}. */
@RegisterConstructorMapper(ApiKeyRow.class)
public interface ApiKeyDao {
  @SqlUpdate("""
      insert into api_keys (account_id, api_key_id, sub_user_id, display_name, secret_prefix,
                            secret_hash, create_time, revoke_time)
      values (:accountId, :apiKeyId, :subUserId, :displayName, :secretPrefix,
              :secretHash, :createTime, :revokeTime)
      """)
  void insert(@BindMethods ApiKeyRow row);

  @SqlQuery("""
      select account_id, api_key_id, sub_user_id, display_name, secret_prefix, secret_hash,
             create_time, revoke_time
        from api_keys
       where account_id = :accountId and api_key_id = :apiKeyId
      """)
  Optional<ApiKeyRow> find(@Bind("accountId") String accountId, @Bind("apiKeyId") String apiKeyId);

  @SqlQuery("""
      select account_id, api_key_id, sub_user_id, display_name, secret_prefix, secret_hash,
             create_time, revoke_time
        from api_keys
       where account_id = :accountId
         and (cast(:subUserId as text) is null or sub_user_id = :subUserId)
         and (cast(:afterTime as timestamptz) is null
              or (create_time, api_key_id) > (:afterTime, :afterId))
       order by create_time, api_key_id
       limit :limit
      """)
  List<ApiKeyRow> list(
      @Bind("accountId") String accountId,
      @Bind("subUserId") String subUserId,
      @Bind("afterTime") Instant afterTime,
      @Bind("afterId") String afterId,
      @Bind("limit") int limit);

  @SqlQuery("""
      select api_key_id from api_keys
       where account_id = :accountId and sub_user_id is null and revoke_time is null
       order by api_key_id
         for update
      """)
  List<String> lockActiveMainKeys(@Bind("accountId") String accountId);

  @SqlUpdate("""
      update api_keys set revoke_time = :revokeTime
       where account_id = :accountId and api_key_id = :apiKeyId and revoke_time is null
      """)
  int revoke(
      @Bind("accountId") String accountId,
      @Bind("apiKeyId") String apiKeyId,
      @Bind("revokeTime") Instant revokeTime);
}
