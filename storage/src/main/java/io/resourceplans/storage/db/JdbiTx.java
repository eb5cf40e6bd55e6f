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
import io.resourceplans.storage.billing.SqlLedgerRepository;
import io.resourceplans.storage.billing.JdbiOrderRepository;
import io.resourceplans.storage.billing.JdbiVoucherRepository;
import io.resourceplans.storage.billing.SqlWalletRepository;
import io.resourceplans.storage.billing.OrderDao;
import io.resourceplans.storage.billing.VoucherDao;
import io.resourceplans.storage.catalog.JdbiPlanSpecRepository;
import io.resourceplans.storage.catalog.SqlProductRepository;
import io.resourceplans.storage.catalog.PlanSpecDao;
import io.resourceplans.storage.idempotency.SqlIdempotencyRepository;
import io.resourceplans.storage.quota.SqlPackageRepository;
import io.resourceplans.storage.region.SqlRegionRepository;
import java.util.HashMap;
import java.util.Map;
import java.sql.PreparedStatement;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

/** The repositories of one JDBI handle, all in its open transaction. */
final class JdbiTx implements Tx {
  private final Handle handle;
  private final Sql sql;
  // Attaching a SqlObject builds a proxy; a transaction that uses a DAO several times builds one.
  private final Map<Class<?>, Object> daos = new HashMap<>();

  JdbiTx(Handle handle) {
    this.handle = handle;
    this.sql = new Sql(handle.getConnection());
    // Writes held by the plain-JDBC repositories go out before any JDBI statement, so every read
    // of the transaction sees them.
    handle.addCustomizer(
        new StatementCustomizer() {
          @Override
          public void beforeExecution(PreparedStatement statement, StatementContext context) {
            sql.flush();
          }
        });
  }

  /** Sends the held writes; the transactor calls it at the end of a read-only transaction. */
  void flush() {
    sql.flush();
  }

  /** Sends the held writes with COMMIT (true), or nothing (false: the caller commits). */
  boolean flushAndCommit() {
    return sql.flushAndCommit();
  }

  private <T> T dao(Class<T> type) {
    return type.cast(daos.computeIfAbsent(type, handle::attach));
  }

  @Override
  public AccountRepository accounts() {
    return new JdbiAccountRepository(dao(AccountDao.class));
  }

  @Override
  public SubUserRepository subUsers() {
    return new JdbiSubUserRepository(dao(SubUserDao.class));
  }

  @Override
  public ApiKeyRepository apiKeys() {
    return new JdbiApiKeyRepository(dao(ApiKeyDao.class));
  }

  @Override
  public RegionRepository regions() {
    return new SqlRegionRepository(sql);
  }

  @Override
  public IdempotencyRepository idempotency() {
    return new SqlIdempotencyRepository(sql);
  }

  @Override
  public io.resourceplans.domain.terms.TermsRepository terms() {
    return new io.resourceplans.storage.terms.JdbiTermsRepository(
        dao(io.resourceplans.storage.terms.TermsDao.class));
  }

  @Override
  public io.resourceplans.domain.terms.TermsAcceptanceRepository termsAcceptances() {
    return new io.resourceplans.storage.terms.JdbiTermsAcceptanceRepository(
        dao(io.resourceplans.storage.terms.TermsAcceptanceDao.class));
  }

  @Override
  public io.resourceplans.domain.identity.IdentityVerificationRepository identityVerifications() {
    return new io.resourceplans.storage.identity.JdbiIdentityVerificationRepository(
        dao(io.resourceplans.storage.identity.IdentityVerificationDao.class));
  }

  @Override
  public io.resourceplans.domain.activation.ActivationRepository activations() {
    return new io.resourceplans.storage.activation.SqlActivationRepository(sql);
  }

  @Override
  public WalletRepository wallets() {
    return new SqlWalletRepository(sql);
  }

  @Override
  public LedgerRepository ledger() {
    return new SqlLedgerRepository(sql);
  }

  @Override
  public VoucherRepository vouchers() {
    return new JdbiVoucherRepository(dao(VoucherDao.class));
  }

  @Override
  public OrderRepository orders() {
    return new JdbiOrderRepository(dao(OrderDao.class));
  }

  @Override
  public PackageRepository packages() {
    return new SqlPackageRepository(sql);
  }

  @Override
  public ProductRepository products() {
    return new SqlProductRepository(sql);
  }

  @Override
  public PlanSpecRepository planSpecs() {
    return new JdbiPlanSpecRepository(dao(PlanSpecDao.class));
  }

  @Override
  public io.resourceplans.domain.quota.UsageRepository usage() {
    return new io.resourceplans.storage.quota.SqlUsageRepository(sql);
  }

  @Override
  public io.resourceplans.domain.alert.AlertSettingRepository alertSettings() {
    return new io.resourceplans.storage.alert.SqlAlertSettingRepository(sql);
  }

  @Override
  public io.resourceplans.domain.notification.InternalMessageRepository internalMessages() {
    return new io.resourceplans.storage.notification.JdbiInternalMessageRepository(
        dao(io.resourceplans.storage.notification.InternalMessageDao.class));
  }

  @Override
  public io.resourceplans.domain.notification.NotificationOutbox notificationOutbox() {
    return new io.resourceplans.storage.notification.JdbiNotificationOutbox(
        dao(io.resourceplans.storage.notification.OutboxDao.class));
  }

  @Override
  public io.resourceplans.domain.notification.ExpiryReminderRepository expiryReminders() {
    return new io.resourceplans.storage.notification.JdbiExpiryReminderRepository(
        dao(io.resourceplans.storage.notification.ExpiryReminderDao.class));
  }

  @Override
  public io.resourceplans.domain.marketplace.MarketplaceInstanceRepository marketplaceInstances() {
    return new io.resourceplans.storage.marketplace.JdbiMarketplaceInstanceRepository(
        dao(io.resourceplans.storage.marketplace.MarketplaceInstanceDao.class));
  }

  @Override
  public io.resourceplans.domain.marketplace.LoginTicketRepository loginTickets() {
    return new io.resourceplans.storage.marketplace.JdbiLoginTicketRepository(
        dao(io.resourceplans.storage.marketplace.LoginTicketDao.class));
  }

  @Override
  public io.resourceplans.domain.binding.SiteRepository sites() {
    return new io.resourceplans.storage.binding.JdbiSiteRepository(
        dao(io.resourceplans.storage.binding.SiteDao.class));
  }

  @Override
  public io.resourceplans.domain.binding.VendorUserRepository vendorUsers() {
    return new io.resourceplans.storage.binding.JdbiVendorUserRepository(
        dao(io.resourceplans.storage.binding.VendorUserDao.class));
  }

  @Override
  public io.resourceplans.domain.binding.BillingAccountRepository billingAccounts() {
    return new io.resourceplans.storage.binding.JdbiBillingAccountRepository(
        dao(io.resourceplans.storage.binding.BillingAccountDao.class));
  }

  @Override
  public io.resourceplans.domain.binding.WorkspaceRepository workspaces() {
    return new io.resourceplans.storage.binding.JdbiWorkspaceRepository(
        dao(io.resourceplans.storage.binding.WorkspaceDao.class));
  }

  @Override
  public io.resourceplans.domain.binding.VerificationCodeRepository verificationCodes() {
    return new io.resourceplans.storage.binding.JdbiVerificationCodeRepository(
        dao(io.resourceplans.storage.binding.VerificationCodeDao.class));
  }

  @Override
  public io.resourceplans.domain.notification.NotificationSettingsRepository notificationSettings() {
    return new io.resourceplans.storage.notification.JdbiNotificationSettingsRepository(
        dao(io.resourceplans.storage.notification.NotificationSettingsDao.class));
  }

  @Override
  public io.resourceplans.domain.clock.TestClockRepository testClocks() {
    return new io.resourceplans.storage.clock.JdbiTestClockRepository(
        dao(io.resourceplans.storage.clock.TestClockDao.class));
  }

  @Override
  public io.resourceplans.domain.binding.LoginAttemptRepository loginAttempts() {
    return new io.resourceplans.storage.binding.JdbiLoginAttemptRepository(
        dao(io.resourceplans.storage.binding.LoginAttemptDao.class));
  }
}
