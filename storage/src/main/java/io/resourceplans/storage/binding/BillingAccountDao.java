package io.resourceplans.storage.binding;

import io.resourceplans.domain.binding.BillingAccount;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code billing_accounts}. */
@RegisterConstructorMapper(BillingAccount.class)
public interface BillingAccountDao {
  String COLUMNS = """
      billing_account_id, username, email, company_name, industry, contact_name, owner_vendor_user_id,
      cloud_account_id, create_time, link_time
      """;

  /** 0 when the username is taken or the cloud account is linked already. */
  @SqlUpdate("""
      insert into billing_accounts (billing_account_id, username, email, company_name, industry, contact_name,
                                    owner_vendor_user_id, cloud_account_id, create_time, link_time)
      values (:billingAccountId, :username, :email, :companyName, :industry, :contactName,
              :ownerVendorUserId, :cloudAccountId, :createTime, :linkTime)
      on conflict do nothing
      """)
  int insert(@BindMethods BillingAccount account);

  @SqlQuery("select " + COLUMNS + " from billing_accounts where cloud_account_id = :cloudAccountId")
  Optional<BillingAccount> findByCloudAccount(@Bind("cloudAccountId") String cloudAccountId);

  @SqlQuery("select " + COLUMNS + " from billing_accounts where lower(username) = lower(:username)")
  Optional<BillingAccount> findByUsername(@Bind("username") String username);

  @SqlQuery("select " + COLUMNS + " from billing_accounts where lower(username) = lower(:username) for update")
  Optional<BillingAccount> findByUsernameForUpdate(@Bind("username") String username);

  @SqlQuery("select " + COLUMNS + """
        from billing_accounts
       where lower(email) = lower(:email) and cloud_account_id is null
       order by create_time, billing_account_id
       limit 1
      """)
  Optional<BillingAccount> findUnlinkedByEmail(@Bind("email") String email);

  @SqlQuery("select " + COLUMNS + """
        from billing_accounts
       where owner_vendor_user_id = :owner
       order by create_time, billing_account_id
       limit 1
         for update
      """)
  Optional<BillingAccount> findByOwnerForUpdate(@Bind("owner") String vendorUserId);

  @SqlUpdate("""
      update billing_accounts set cloud_account_id = :cloudAccountId, link_time = :linkTime
       where billing_account_id = :billingAccountId and cloud_account_id is null
      """)
  int link(
      @Bind("billingAccountId") String billingAccountId,
      @Bind("cloudAccountId") String cloudAccountId,
      @Bind("linkTime") Instant linkTime);
}
