package io.resourceplans.storage.account;

import io.resourceplans.domain.account.Account;
import io.resourceplans.domain.account.AccountRepository;
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
}
