package io.resourceplans.domain.account;

import java.util.Optional;

/** Accounts, keyed by account ID. */
public interface AccountRepository {
  void insert(Account account);

  Optional<Account> find(String accountId);

  /** Reads the account and locks its row until the transaction ends. */
  Optional<Account> findForUpdate(String accountId);

  void updateIdentityState(String accountId, IdentityState identityState);

  void updateDefaultRegion(String accountId, String regionId);

  /** Replaces the contact email and phone (empty phone = none). */
  void updateContacts(String accountId, String contactEmail, String contactPhone);
}
