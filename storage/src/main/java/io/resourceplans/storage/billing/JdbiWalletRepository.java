package io.resourceplans.storage.billing;

import io.resourceplans.domain.billing.Wallet;
import io.resourceplans.domain.billing.WalletRepository;
import java.time.Instant;
import java.util.Optional;

/** {@link WalletRepository} over {@link WalletDao}. */
public final class JdbiWalletRepository implements WalletRepository {
  private final WalletDao dao;

  public JdbiWalletRepository(WalletDao dao) {
    this.dao = dao;
  }

  @Override
  public Wallet lockOrCreate(String accountId, String currency, Instant now) {
    dao.createIfAbsent(accountId, currency, now);
    return dao.lock(accountId).toDomain();
  }

  @Override
  public Optional<Wallet> find(String accountId) {
    return dao.find(accountId).map(WalletRow::toDomain);
  }

  @Override
  public void update(Wallet wallet) {
    if (dao.update(WalletRow.of(wallet)) != 1) {
      throw new IllegalStateException("wallet row missing for an account being charged");
    }
  }
}
