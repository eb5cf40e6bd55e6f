package io.resourceplans.storage.binding;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code workspaces}. No statement here changes site_id (and a trigger refuses it). */
@RegisterConstructorMapper(WorkspaceRow.class)
public interface WorkspaceDao {
  String COLUMNS = """
      workspace_id, billing_account_id, name, language, site_id, owner_vendor_user_id, instance_id,
      create_time, bind_time
      """;

  /** 0 when the billing-center account has a workspace of that name. */
  @SqlUpdate("""
      insert into workspaces (workspace_id, billing_account_id, name, language, site_id, owner_vendor_user_id,
                              instance_id, create_time, bind_time)
      values (:workspaceId, :billingAccountId, :name, :language, :siteId, :ownerVendorUserId,
              :instanceId, :createTime, :bindTime)
      on conflict (billing_account_id, name) do nothing
      """)
  int insert(@BindMethods WorkspaceRow row);

  @SqlQuery("select " + COLUMNS + " from workspaces where billing_account_id = :billingAccountId and workspace_id = :workspaceId")
  Optional<WorkspaceRow> find(
      @Bind("billingAccountId") String billingAccountId, @Bind("workspaceId") String workspaceId);

  @SqlQuery("select " + COLUMNS + """
        from workspaces where billing_account_id = :billingAccountId and workspace_id = :workspaceId
         for update
      """)
  Optional<WorkspaceRow> findForUpdate(
      @Bind("billingAccountId") String billingAccountId, @Bind("workspaceId") String workspaceId);

  @SqlQuery("""
      select w.workspace_id, w.billing_account_id, w.name, w.language, w.site_id, w.owner_vendor_user_id,
             w.instance_id, w.create_time, w.bind_time
        from marketplace_instances i
        join workspaces w on w.workspace_id = i.open_workspace_id
       where i.account_id = :accountId and i.instance_id = :instanceId
      """)
  Optional<WorkspaceRow> findOpenedByInstance(@Bind("accountId") String accountId, @Bind("instanceId") String instanceId);

  @SqlQuery("select " + COLUMNS + """
        from workspaces
       where billing_account_id = :billingAccountId or owner_vendor_user_id = :user
       order by create_time, workspace_id
       limit :limit
      """)
  List<WorkspaceRow> listReachable(
      @Bind("user") String vendorUserId, @Bind("billingAccountId") String billingAccountId, @Bind("limit") int limit);

  @SqlQuery("select " + COLUMNS + """
        from workspaces
       where workspace_id = :workspaceId and (billing_account_id = :billingAccountId or owner_vendor_user_id = :user)
      """)
  Optional<WorkspaceRow> findReachable(
      @Bind("user") String vendorUserId,
      @Bind("billingAccountId") String billingAccountId,
      @Bind("workspaceId") String workspaceId);

  @SqlQuery("""
      select exists (select 1 from workspaces where owner_vendor_user_id = :user and billing_account_id = :billingAccountId)
      """)
  boolean ownsAny(@Bind("user") String vendorUserId, @Bind("billingAccountId") String billingAccountId);

  @SqlQuery("""
      select exists (select 1 from workspaces
                      where billing_account_id = :billingAccountId and name = :name and workspace_id <> :except)
      """)
  boolean nameExists(
      @Bind("billingAccountId") String billingAccountId, @Bind("name") String name, @Bind("except") String except);

  @SqlUpdate("update workspaces set instance_id = :instanceId, bind_time = :bindTime where workspace_id = :workspaceId")
  int bind(
      @Bind("workspaceId") String workspaceId, @Bind("instanceId") String instanceId, @Bind("bindTime") Instant bindTime);

  @SqlUpdate("update workspaces set name = :name, language = :language where workspace_id = :workspaceId")
  int update(@Bind("workspaceId") String workspaceId, @Bind("name") String name, @Bind("language") String language);

  @SqlQuery("select " + COLUMNS + """
        from workspaces
       where billing_account_id = :billingAccountId
         and (cast(:afterTime as timestamptz) is null or (create_time, workspace_id) > (:afterTime, :afterId))
       order by create_time, workspace_id
       limit :limit
      """)
  List<WorkspaceRow> list(
      @Bind("billingAccountId") String billingAccountId,
      @Bind("afterTime") Instant afterTime,
      @Bind("afterId") String afterId,
      @Bind("limit") int limit);
}
