package io.resourceplans.storage.binding;

import io.resourceplans.domain.binding.VendorUser;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code vendor_users}. */
@RegisterConstructorMapper(VendorUser.class)
public interface VendorUserDao {
  String COLUMNS = "vendor_user_id, username, email, phone, password_hash, create_time";

  /** 0 when the username or the email is taken (a concurrent insert of either waits, then sees 0). */
  @SqlUpdate("""
      insert into vendor_users (vendor_user_id, username, email, phone, password_hash, create_time)
      values (:vendorUserId, :username, :email, :phone, :passwordHash, :createTime)
      on conflict do nothing
      """)
  int insert(@BindMethods VendorUser user);

  @SqlQuery("select " + COLUMNS + " from vendor_users where vendor_user_id = :id")
  Optional<VendorUser> find(@Bind("id") String vendorUserId);

  @SqlQuery("select " + COLUMNS + " from vendor_users where lower(email) = lower(:email)")
  Optional<VendorUser> findByEmail(@Bind("email") String email);

  /** Usernames cannot contain '@' and emails must: a login matches one of the two at most. */
  @SqlQuery("select " + COLUMNS + """
        from vendor_users
       where lower(username) = lower(:login) or lower(email) = lower(:login)
       order by (lower(username) = lower(:login)) desc
       limit 1
      """)
  Optional<VendorUser> findByLogin(@Bind("login") String login);

  @SqlQuery("select exists (select 1 from vendor_users where lower(username) = lower(:username))")
  boolean usernameExists(@Bind("username") String username);
}
