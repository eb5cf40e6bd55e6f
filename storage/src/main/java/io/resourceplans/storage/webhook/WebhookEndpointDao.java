package io.resourceplans.storage.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code webhook_endpoints}; every statement names the account. */
@RegisterConstructorMapper(WebhookEndpointRow.class)
public interface WebhookEndpointDao {
  String COLUMNS = """
      account_id, endpoint_id, url, event_kinds, description, secret, previous_secret, previous_secret_until,
      create_time, update_time, delete_time""";

  @SqlUpdate("""
      insert into webhook_endpoints (account_id, endpoint_id, url, event_kinds, description, secret, previous_secret,
                                     previous_secret_until, create_time, update_time, delete_time)
      values (:accountId, :endpointId, :url, :eventKinds, :description, :secret, :previousSecret,
              :previousSecretUntil, :createTime, :updateTime, :deleteTime)
      """)
  void insert(@BindMethods WebhookEndpointRow row);

  @SqlQuery("select " + COLUMNS + " from webhook_endpoints where account_id = :accountId and endpoint_id = :endpointId")
  Optional<WebhookEndpointRow> find(@Bind("accountId") String accountId, @Bind("endpointId") String endpointId);

  @SqlQuery("select " + COLUMNS + """
        from webhook_endpoints
       where account_id = :accountId and endpoint_id = :endpointId and delete_time is null
         for update
      """)
  Optional<WebhookEndpointRow> lockLive(@Bind("accountId") String accountId, @Bind("endpointId") String endpointId);

  @SqlQuery("select " + COLUMNS + """
        from webhook_endpoints
       where account_id = :accountId and delete_time is null
         and (cast(:afterTime as timestamptz) is null or (create_time, endpoint_id) > (:afterTime, :afterId))
       order by create_time, endpoint_id
       limit :limit
      """)
  List<WebhookEndpointRow> list(
      @Bind("accountId") String accountId,
      @Bind("afterTime") Instant afterTime,
      @Bind("afterId") String afterId,
      @Bind("limit") int limit);

  @SqlQuery("select " + COLUMNS + """
        from webhook_endpoints
       where account_id = :accountId and delete_time is null and :kind = any (event_kinds)
       order by create_time, endpoint_id
      """)
  List<WebhookEndpointRow> subscribed(@Bind("accountId") String accountId, @Bind("kind") String kind);

  @SqlUpdate("""
      update webhook_endpoints
         set secret = :secret, previous_secret = :previousSecret, previous_secret_until = :previousSecretUntil,
             update_time = :now
       where account_id = :accountId and endpoint_id = :endpointId and delete_time is null
      """)
  int updateSecrets(
      @Bind("accountId") String accountId,
      @Bind("endpointId") String endpointId,
      @Bind("secret") String secret,
      @Bind("previousSecret") String previousSecret,
      @Bind("previousSecretUntil") Instant previousSecretUntil,
      @Bind("now") Instant now);

  @SqlUpdate("""
      update webhook_endpoints set delete_time = :now, update_time = :now
       where account_id = :accountId and endpoint_id = :endpointId and delete_time is null
      """)
  int markDeleted(@Bind("accountId") String accountId, @Bind("endpointId") String endpointId, @Bind("now") Instant now);
}
