package io.resourceplans.server.di;

import dagger.Module;
import dagger.Provides;
import io.resourceplans.domain.activation.PackageAvailability;
import io.resourceplans.domain.alert.AlertService;
import io.resourceplans.domain.billing.OrderService;
import io.resourceplans.domain.billing.OrderSettings;
import io.resourceplans.domain.billing.VoucherService;
import io.resourceplans.domain.billing.WalletService;
import io.resourceplans.domain.money.SettlementCurrency;
import io.resourceplans.domain.notification.Notifier;
import io.resourceplans.domain.quota.ActivePackageTotals;
import io.resourceplans.domain.quota.CoveredUsageRecorder;
import io.resourceplans.domain.quota.PackageService;
import io.resourceplans.domain.quota.UsageService;
import io.resourceplans.domain.terms.TermsAcceptances;
import io.resourceplans.domain.terms.TermsService;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.storage.quota.BatchingCoveredUsageRecorder;
import io.resourceplans.storage.quota.SqlCoveredUsageRecorder;
import io.resourceplans.domain.clock.AccountClock;
import java.time.Clock;
import javax.inject.Singleton;
import javax.sql.DataSource;

/** Domain services of wallet, vouchers, orders and packages. */
@Module
public interface BillingModule {
  /**
   * Covered-usage batches running at once, each on one pooled connection (the rest of the pool
   * stays free for other calls and the full usage path). Two, not one: a batch waiting behind a
   * lock (a full-path usage, SetAlertThreshold) does not hold up every other account's usage on
   * this replica. More batches in flight only split the same load into smaller commits that
   * contend for the CPUs (docs/benchmark.md measures 1, 2, 4 and 8).
   */
  int COVERED_USAGE_BATCHES_IN_FLIGHT = 2;

  /** Requests in one covered-usage batch at most. */
  int COVERED_USAGE_BATCH_SIZE = 64;

  /** Ready requests needed to start a covered-usage batch while another one runs. */
  int COVERED_USAGE_MIN_BATCH_WHILE_BUSY = 4;

  @Provides
  @Singleton
  static WalletService walletService(Clock clock, SettlementCurrency currency) {
    return new WalletService(clock, currency);
  }

  @Provides
  @Singleton
  static VoucherService voucherService(Clock clock, SettlementCurrency currency, AccountClock accountClock) {
    return new VoucherService(clock, currency, accountClock);
  }

  @Provides
  @Singleton
  static OrderService orderService(
      Clock clock,
      SettlementCurrency currency,
      OrderSettings settings,
      TermsService terms,
      TermsAcceptances acceptances,
      WalletService wallets,
      VoucherService vouchers,
      AlertService alerts,
      Notifier notifier,
      AccountClock accountClock) {
    return new OrderService(clock, currency, settings, terms, acceptances, wallets, vouchers, alerts, notifier, accountClock);
  }

  @Provides
  @Singleton
  static PackageService packageService(Clock clock, AccountClock accountClock) {
    return new PackageService(clock, accountClock);
  }

  @Provides
  @Singleton
  static PackageAvailability packageAvailability() {
    return new ActivePackageTotals();
  }

  @Provides
  @Singleton
  static UsageService usageService(
      Clock clock, SettlementCurrency currency, WalletService wallets, AlertService alerts, Transactor transactor,
      CoveredUsageRecorder covered, AccountClock accountClock) {
    return new UsageService(clock, currency, wallets, alerts, transactor, covered, accountClock);
  }

  @Provides
  @Singleton
  static CoveredUsageRecorder coveredUsageRecorder(DataSource dataSource) {
    return new BatchingCoveredUsageRecorder(
        new SqlCoveredUsageRecorder(dataSource), COVERED_USAGE_BATCHES_IN_FLIGHT, COVERED_USAGE_BATCH_SIZE,
        COVERED_USAGE_MIN_BATCH_WHILE_BUSY);
  }
}
