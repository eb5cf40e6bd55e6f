package io.resourceplans.storage.marketplace;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL for {@code marketplace_instances}; the workspace named is the one the instance opens
 * ({@code open_workspace_id}), with its bind time from {@code workspaces}.
 */
@RegisterConstructorMapper(MarketplaceInstanceRow.class)
public interface MarketplaceInstanceDao {
  String SELECT = """
      select i.account_id, i.instance_id, i.product_id, i.display_name, i.accepted_agreement_version,
             i.activate_request_id, i.create_time, w.workspace_id, w.bind_time
        from marketplace_instances i
        left join workspaces w on w.workspace_id = i.open_workspace_id
      """;

  /** 0 when the account has an instance of the product or of the request (a concurrent insert waits). */
  @SqlUpdate("""
      insert into marketplace_instances (account_id, instance_id, product_id, display_name,
                                         accepted_agreement_version, activate_request_id, create_time)
      values (:accountId, :instanceId, :productId, :displayName, :acceptedAgreementVersion,
              :activateRequestId, :createTime)
      on conflict do nothing
      """)
  int insert(@BindMethods MarketplaceInstanceRow row);

  @SqlQuery(SELECT + " where i.account_id = :accountId and i.instance_id = :instanceId")
  Optional<MarketplaceInstanceRow> find(@Bind("accountId") String accountId, @Bind("instanceId") String instanceId);

  @SqlQuery(SELECT + " where i.account_id = :accountId and i.instance_id = :instanceId for update of i")
  Optional<MarketplaceInstanceRow> findForUpdate(
      @Bind("accountId") String accountId, @Bind("instanceId") String instanceId);

  @SqlQuery(SELECT + " where i.account_id = :accountId and i.product_id = :productId")
  Optional<MarketplaceInstanceRow> findByProduct(
      @Bind("accountId") String accountId, @Bind("productId") String productId);

  @SqlQuery(SELECT + " where i.account_id = :accountId and i.activate_request_id = :requestId")
  Optional<MarketplaceInstanceRow> findByActivateRequest(
      @Bind("accountId") String accountId, @Bind("requestId") String requestId);

  @SqlUpdate("""
      update marketplace_instances set open_workspace_id = :workspaceId, open_time = :openTime
       where account_id = :accountId and instance_id = :instanceId
      """)
  int open(
      @Bind("accountId") String accountId,
      @Bind("instanceId") String instanceId, @Bind("workspaceId") String workspaceId, @Bind("openTime") Instant openTime);

  @SqlQuery(SELECT + """
       where i.account_id = :accountId
         and (cast(:beforeTime as timestamptz) is null or (i.create_time, i.instance_id) < (:beforeTime, :beforeId))
       order by i.create_time desc, i.instance_id desc
       limit :limit
      """)
  List<MarketplaceInstanceRow> list(
      @Bind("accountId") String accountId,
      @Bind("beforeTime") Instant beforeTime,
      @Bind("beforeId") String beforeId,
      @Bind("limit") int limit);
}
