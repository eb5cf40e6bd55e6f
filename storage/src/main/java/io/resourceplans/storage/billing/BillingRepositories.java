package io.resourceplans.storage.billing;

import io.resourceplans.domain.billing.LedgerRepository;
import io.resourceplans.domain.billing.PayAsYouGoSpendAlertRepository;
import io.resourceplans.domain.billing.OrderRepository;
import io.resourceplans.domain.billing.VoucherRepository;
import io.resourceplans.domain.billing.WalletRepository;
import io.resourceplans.storage.db.FeatureRepositories;

/** The billing feature's repositories (see {@link FeatureRepositories}). */
public final class BillingRepositories implements FeatureRepositories {
  @Override
  public void register(Registry registry) {
    registry.add(WalletRepository.class, c -> new SqlWalletRepository(c.sql()));
    registry.add(LedgerRepository.class, c -> new SqlLedgerRepository(c.sql()));
    registry.add(VoucherRepository.class, c -> new JdbiVoucherRepository(c.dao(VoucherDao.class)));
    registry.add(OrderRepository.class, c -> new JdbiOrderRepository(c.dao(OrderDao.class)));
    registry.add(PayAsYouGoSpendAlertRepository.class,
        c -> new JdbiPayAsYouGoSpendAlertRepository(c.dao(PayAsYouGoSpendAlertDao.class)));
  }
}
