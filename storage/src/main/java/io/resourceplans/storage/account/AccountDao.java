package io.resourceplans.storage.account;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code accounts}. */
@RegisterConstructorMapper(AccountRow.class)
public interface AccountDao {
  @SqlUpdate("""
      insert into accounts (account_id, display_name, contact_email, contact_phone,
                            default_region_id, identity_state, create_time, test_clock_id)
      values (:accountId, :displayName, :contactEmail, :contactPhone,
              :defaultRegionId, :identityState, :createTime, :testClockId)
      """)
  void insert(@BindMethods AccountRow row);

  @SqlQuery("""
      select account_id, display_name, contact_email, contact_phone, default_region_id,
             identity_state, create_time, test_clock_id
        from accounts
       where account_id = :accountId
      """)
  Optional<AccountRow> find(@Bind("accountId") String accountId);

  @SqlQuery("""
      select account_id, display_name, contact_email, contact_phone, default_region_id,
             identity_state, create_time, test_clock_id
        from accounts
       where account_id = :accountId
         for update
      """)
  Optional<AccountRow> findForUpdate(@Bind("accountId") String accountId);

  @SqlUpdate("""
      update accounts set identity_state = :identityState where account_id = :accountId
      """)
  int updateIdentityState(
      @Bind("accountId") String accountId, @Bind("identityState") String identityState);

  @SqlUpdate("""
      update accounts set default_region_id = :regionId where account_id = :accountId
      """)
  int updateDefaultRegion(@Bind("accountId") String accountId, @Bind("regionId") String regionId);

  @SqlUpdate("""
      update accounts set contact_email = :contactEmail, contact_phone = :contactPhone where account_id = :accountId
      """)
  int updateContacts(
      @Bind("accountId") String accountId,
      @Bind("contactEmail") String contactEmail,
      @Bind("contactPhone") String contactPhone);
}
