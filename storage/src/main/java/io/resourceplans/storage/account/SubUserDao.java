package io.resourceplans.storage.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code sub_users}. */
@RegisterConstructorMapper(SubUserRow.class)
public interface SubUserDao {
  @SqlUpdate("""
      insert into sub_users (account_id, sub_user_id, display_name, permissions, create_time)
      values (:accountId, :subUserId, :displayName, :permissions, :createTime)
      """)
  void insert(@BindMethods SubUserRow row);

  @SqlQuery("""
      select account_id, sub_user_id, display_name, permissions, create_time
        from sub_users
       where account_id = :accountId and sub_user_id = :subUserId
      """)
  Optional<SubUserRow> find(@Bind("accountId") String accountId, @Bind("subUserId") String subUserId);

  @SqlQuery("""
      select account_id, sub_user_id, display_name, permissions, create_time
        from sub_users
       where account_id = :accountId
         and (cast(:afterTime as timestamptz) is null
              or (create_time, sub_user_id) > (:afterTime, :afterId))
       order by create_time, sub_user_id
       limit :limit
      """)
  List<SubUserRow> list(
      @Bind("accountId") String accountId,
      @Bind("afterTime") Instant afterTime,
      @Bind("afterId") String afterId,
      @Bind("limit") int limit);

  @SqlUpdate("""
      update sub_users set permissions = :permissions
       where account_id = :accountId and sub_user_id = :subUserId
      """)
  int updatePermissions(
      @Bind("accountId") String accountId,
      @Bind("subUserId") String subUserId,
      @Bind("permissions") String[] permissions);
}
