package io.resourceplans.storage.account;

import io.resourceplans.domain.account.Account;
import io.resourceplans.domain.account.AccountRepository;
import io.resourceplans.domain.account.IdentityState;
import java.util.Optional;

/** {@link AccountRepository} over {@link AccountDao}. */
public final class JdbiAccountRepository implements AccountRepository {
  private final AccountDao dao;

  public JdbiAccountRepository(AccountDao dao) {
    this.dao = dao;
  }

  @Override
  public void insert(Account account) {
    dao.insert(AccountRow.of(account));
  }

  @Override
  public Optional<Account> find(String accountId) {
    return dao.find(accountId).map(AccountRow::toDomain);
  }

  @Override
  public Optional<Account> findForUpdate(String accountId) {
    return dao.findForUpdate(accountId).map(AccountRow::toDomain);
  }

  @Override
  public void updateIdentityState(String accountId, IdentityState identityState) {
    requireOneRow(dao.updateIdentityState(accountId, identityState.name()), accountId);
  }

  @Override
  public void updateDefaultRegion(String accountId, String regionId) {
    requireOneRow(dao.updateDefaultRegion(accountId, regionId), accountId);
  }

  @Override
  public void updateContacts(String accountId, String contactEmail, String contactPhone) {
    requireOneRow(dao.updateContacts(accountId, contactEmail, contactPhone), accountId);
  }

  /** Callers update an account they have just read; no row means a bug, not a user error. */
  private static void requireOneRow(int rows, String accountId) {
    if (rows != 1) {
      throw new IllegalStateException("account " + accountId + " not updated (" + rows + " rows)");
    }
  }
}
