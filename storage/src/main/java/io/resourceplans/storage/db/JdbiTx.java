package io.resourceplans.storage.db;

import io.resourceplans.domain.account.AccountRepository;
import io.resourceplans.domain.account.ApiKeyRepository;
import io.resourceplans.domain.account.SubUserRepository;
import io.resourceplans.domain.billing.LedgerRepository;
import io.resourceplans.domain.billing.OrderRepository;
import io.resourceplans.domain.billing.VoucherRepository;
import io.resourceplans.domain.billing.WalletRepository;
import io.resourceplans.domain.catalog.PlanSpecRepository;
import io.resourceplans.domain.catalog.ProductRepository;
import io.resourceplans.domain.idempotency.IdempotencyRepository;
import io.resourceplans.domain.quota.PackageRepository;
import io.resourceplans.domain.region.RegionRepository;
import io.resourceplans.domain.tx.Tx;
import io.resourceplans.storage.account.AccountDao;
import io.resourceplans.storage.account.ApiKeyDao;
import io.resourceplans.storage.account.JdbiAccountRepository;
import io.resourceplans.storage.account.JdbiApiKeyRepository;
import io.resourceplans.storage.account.JdbiSubUserRepository;
import io.resourceplans.storage.account.SubUserDao;
import io.resourceplans.storage.billing.JdbiLedgerRepository;
import io.resourceplans.storage.billing.JdbiOrderRepository;
import io.resourceplans.storage.billing.JdbiVoucherRepository;
import io.resourceplans.storage.billing.JdbiWalletRepository;
import io.resourceplans.storage.billing.LedgerDao;
import io.resourceplans.storage.billing.OrderDao;
import io.resourceplans.storage.billing.VoucherDao;
import io.resourceplans.storage.billing.WalletDao;
import io.resourceplans.storage.catalog.JdbiPlanSpecRepository;
import io.resourceplans.storage.catalog.JdbiProductRepository;
import io.resourceplans.storage.catalog.PlanSpecDao;
import io.resourceplans.storage.catalog.ProductDao;
import io.resourceplans.storage.idempotency.IdempotencyDao;
import io.resourceplans.storage.idempotency.JdbiIdempotencyRepository;
import io.resourceplans.storage.quota.JdbiPackageRepository;
import io.resourceplans.storage.quota.PackageDao;
import io.resourceplans.storage.region.JdbiRegionRepository;
import io.resourceplans.storage.region.RegionDao;
import org.jdbi.v3.core.Handle;

/** The repositories of one JDBI handle, all in its open transaction. */
final class JdbiTx implements Tx {
  private final Handle handle;

  JdbiTx(Handle handle) {
    this.handle = handle;
  }

  @Override
  public AccountRepository accounts() {
    return new JdbiAccountRepository(handle.attach(AccountDao.class));
  }

  @Override
  public SubUserRepository subUsers() {
    return new JdbiSubUserRepository(handle.attach(SubUserDao.class));
  }

  @Override
  public ApiKeyRepository apiKeys() {
    return new JdbiApiKeyRepository(handle.attach(ApiKeyDao.class));
  }

  @Override
  public RegionRepository regions() {
    return new JdbiRegionRepository(handle.attach(RegionDao.class));
  }

  @Override
  public IdempotencyRepository idempotency() {
    return new JdbiIdempotencyRepository(handle.attach(IdempotencyDao.class));
  }

  @Override
  public io.resourceplans.domain.terms.TermsRepository terms() {
    return new io.resourceplans.storage.terms.JdbiTermsRepository(
        handle.attach(io.resourceplans.storage.terms.TermsDao.class));
  }

  @Override
  public io.resourceplans.domain.terms.TermsAcceptanceRepository termsAcceptances() {
    return new io.resourceplans.storage.terms.JdbiTermsAcceptanceRepository(
        handle.attach(io.resourceplans.storage.terms.TermsAcceptanceDao.class));
  }

  @Override
  public io.resourceplans.domain.identity.IdentityVerificationRepository identityVerifications() {
    return new io.resourceplans.storage.identity.JdbiIdentityVerificationRepository(
        handle.attach(io.resourceplans.storage.identity.IdentityVerificationDao.class));
  }

  @Override
  public io.resourceplans.domain.activation.ActivationRepository activations() {
    return new io.resourceplans.storage.activation.JdbiActivationRepository(
        handle.attach(io.resourceplans.storage.activation.ActivationDao.class));
  }

  @Override
  public WalletRepository wallets() {
    return new JdbiWalletRepository(handle.attach(WalletDao.class));
  }

  @Override
  public LedgerRepository ledger() {
    return new JdbiLedgerRepository(handle.attach(LedgerDao.class));
  }

  @Override
  public VoucherRepository vouchers() {
    return new JdbiVoucherRepository(handle.attach(VoucherDao.class));
  }

  @Override
  public OrderRepository orders() {
    return new JdbiOrderRepository(handle.attach(OrderDao.class));
  }

  @Override
  public PackageRepository packages() {
    return new JdbiPackageRepository(handle.attach(PackageDao.class));
  }

  @Override
  public ProductRepository products() {
    return new JdbiProductRepository(handle.attach(ProductDao.class));
  }

  @Override
  public PlanSpecRepository planSpecs() {
    return new JdbiPlanSpecRepository(handle.attach(PlanSpecDao.class));
  }

  @Override
  public io.resourceplans.domain.quota.UsageRepository usage() {
    return new io.resourceplans.storage.quota.JdbiUsageRepository(handle.attach(io.resourceplans.storage.quota.UsageDao.class));
  }

  @Override
  public io.resourceplans.domain.alert.AlertSettingRepository alertSettings() {
    return new io.resourceplans.storage.alert.JdbiAlertSettingRepository(
        handle.attach(io.resourceplans.storage.alert.AlertSettingDao.class));
  }

  @Override
  public io.resourceplans.domain.notification.InternalMessageRepository internalMessages() {
    return new io.resourceplans.storage.notification.JdbiInternalMessageRepository(
        handle.attach(io.resourceplans.storage.notification.InternalMessageDao.class));
  }

  @Override
  public io.resourceplans.domain.notification.NotificationOutbox notificationOutbox() {
    return new io.resourceplans.storage.notification.JdbiNotificationOutbox(
        handle.attach(io.resourceplans.storage.notification.OutboxDao.class));
  }

  @Override
  public io.resourceplans.domain.notification.ExpiryReminderRepository expiryReminders() {
    return new io.resourceplans.storage.notification.JdbiExpiryReminderRepository(
        handle.attach(io.resourceplans.storage.notification.ExpiryReminderDao.class));
  }

  @Override
  public io.resourceplans.domain.notification.NotificationSettingsRepository notificationSettings() {
    return new io.resourceplans.storage.notification.JdbiNotificationSettingsRepository(
        handle.attach(io.resourceplans.storage.notification.NotificationSettingsDao.class));
  }
}
