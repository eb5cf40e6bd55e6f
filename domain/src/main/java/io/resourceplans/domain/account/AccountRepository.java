package io.resourceplans.domain.account;

import java.util.Optional;

/** Accounts, keyed by account ID. */
public interface AccountRepository {
  void insert(Account account);

  Optional<Account> find(String accountId);
}
