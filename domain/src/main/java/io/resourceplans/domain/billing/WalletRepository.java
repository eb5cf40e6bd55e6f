package io.resourceplans.domain.billing;

import java.time.Instant;
import java.util.Optional;

/** Wallets, one per account. */
public interface WalletRepository {
  /**
   * The account's wallet, created empty if it has none, locked until the transaction ends: every
   * change to a wallet goes through this lock, so concurrent payments are serialized per account.
   */
  Wallet lockOrCreate(String accountId, String currency, Instant now);

  Optional<Wallet> find(String accountId);

  /** Writes the balances of a wallet obtained from {@link #lockOrCreate}. */
  void update(Wallet wallet);
}
