package io.resourceplans.domain.tx;

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
import io.resourceplans.domain.terms.TermsRepository;

/** The repositories of one database transaction. Everything done through one Tx commits together. */
public interface Tx {
  AccountRepository accounts();

  SubUserRepository subUsers();

  ApiKeyRepository apiKeys();

  RegionRepository regions();

  IdempotencyRepository idempotency();

  ProductRepository products();

  PlanSpecRepository planSpecs();

  TermsRepository terms();

  io.resourceplans.domain.identity.IdentityVerificationRepository identityVerifications();

  io.resourceplans.domain.terms.TermsAcceptanceRepository termsAcceptances();

  io.resourceplans.domain.activation.ActivationRepository activations();

  WalletRepository wallets();

  LedgerRepository ledger();

  VoucherRepository vouchers();

  OrderRepository orders();

  PackageRepository packages();

  io.resourceplans.domain.quota.UsageRepository usage();

  io.resourceplans.domain.alert.AlertSettingRepository alertSettings();

  io.resourceplans.domain.notification.InternalMessageRepository internalMessages();

  io.resourceplans.domain.notification.NotificationOutbox notificationOutbox();

  io.resourceplans.domain.notification.ExpiryReminderRepository expiryReminders();

  io.resourceplans.domain.marketplace.MarketplaceInstanceRepository marketplaceInstances();

  io.resourceplans.domain.marketplace.LoginTicketRepository loginTickets();

  io.resourceplans.domain.binding.SiteRepository sites();

  io.resourceplans.domain.binding.VendorUserRepository vendorUsers();

  io.resourceplans.domain.binding.BillingAccountRepository billingAccounts();

  io.resourceplans.domain.binding.WorkspaceRepository workspaces();

  io.resourceplans.domain.binding.VerificationCodeRepository verificationCodes();

  io.resourceplans.domain.notification.NotificationSettingsRepository notificationSettings();

  io.resourceplans.domain.clock.TestClockRepository testClocks();

  io.resourceplans.domain.binding.LoginAttemptRepository loginAttempts();
}
