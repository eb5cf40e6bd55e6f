package io.resourceplans.domain.binding;

import java.time.Instant;
import java.util.Optional;

/** Billing-center accounts; usernames are unique ignoring case, a cloud account links to one. */
public interface BillingAccountRepository {
  /** Inserts; false if the username is taken or the cloud account is already linked. */
  boolean insert(BillingAccount account);

  Optional<BillingAccount> findByCloudAccount(String cloudAccountId);

  Optional<BillingAccount> findByUsername(String username);

  /** Reads by username and locks the row until the transaction ends. */
  Optional<BillingAccount> findByUsernameForUpdate(String username);

  /** The oldest billing-center account with this email that is linked to no cloud account. */
  Optional<BillingAccount> findUnlinkedByEmail(String email);

  /** The billing-center account the vendor user owns (created with the user), locked until the transaction ends. */
  Optional<BillingAccount> findByOwnerForUpdate(String vendorUserId);

  /** Links an unlinked account; false if it is linked already. */
  boolean link(String billingAccountId, String cloudAccountId, Instant linkTime);
}
