package io.resourceplans.storage.binding;

import io.resourceplans.domain.binding.BillingAccount;
import io.resourceplans.domain.binding.BillingAccountRepository;
import java.time.Instant;
import java.util.Optional;

/** {@link BillingAccountRepository} over {@link BillingAccountDao}. */
public final class JdbiBillingAccountRepository implements BillingAccountRepository {
  private final BillingAccountDao dao;

  public JdbiBillingAccountRepository(BillingAccountDao dao) {
    this.dao = dao;
  }

  @Override
  public Optional<BillingAccount> findByOwnerForUpdate(String vendorUserId) {
    return dao.findByOwnerForUpdate(vendorUserId);
  }

  @Override
  public boolean insert(BillingAccount account) {
    return dao.insert(account) == 1;
  }

  @Override
  public Optional<BillingAccount> findByCloudAccount(String cloudAccountId) {
    return dao.findByCloudAccount(cloudAccountId);
  }

  @Override
  public Optional<BillingAccount> findByUsername(String username) {
    return dao.findByUsername(username);
  }

  @Override
  public Optional<BillingAccount> findByUsernameForUpdate(String username) {
    return dao.findByUsernameForUpdate(username);
  }

  @Override
  public Optional<BillingAccount> findUnlinkedByEmail(String email) {
    return dao.findUnlinkedByEmail(email);
  }

  @Override
  public boolean link(String billingAccountId, String cloudAccountId, Instant linkTime) {
    return dao.link(billingAccountId, cloudAccountId, linkTime) == 1;
  }
}
