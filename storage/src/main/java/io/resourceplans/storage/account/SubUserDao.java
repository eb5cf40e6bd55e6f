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
      insert into sub_users (account_id, sub_user_id, display_name, permissions, create_time,
                             contact_email, contact_phone)
      values (:accountId, :subUserId, :displayName, :permissions, :createTime, :contactEmail, :contactPhone)
      """)
  void insert(@BindMethods SubUserRow row);

  @SqlQuery("""
      select account_id, sub_user_id, display_name, permissions, create_time, contact_email, contact_phone
        from sub_users
       where account_id = :accountId and sub_user_id = :subUserId
      """)
  Optional<SubUserRow> find(@Bind("accountId") String accountId, @Bind("subUserId") String subUserId);

  @SqlQuery("""
      select account_id, sub_user_id, display_name, permissions, create_time, contact_email, contact_phone
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

  @SqlUpdate("""
      update sub_users set contact_email = :email, contact_phone = :phone
       where account_id = :accountId and sub_user_id = :subUserId
      """)
  int updateContacts(
      @Bind("accountId") String accountId,
      @Bind("subUserId") String subUserId,
      @Bind("email") String email,
      @Bind("phone") String phone);

  @SqlQuery("""
      select account_id, sub_user_id, display_name, permissions, create_time, contact_email, contact_phone
        from sub_users
       where account_id = :accountId and (contact_email <> '' or contact_phone <> '')
       order by create_time, sub_user_id
      """)
  List<SubUserRow> withContacts(@Bind("accountId") String accountId);
}
