package io.resourceplans.storage.services;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.resourceplans.domain.account.AccountService;
import io.resourceplans.domain.account.CreatedAccount;
import io.resourceplans.domain.account.NewAccount;
import io.resourceplans.domain.activation.ActivationService;
import io.resourceplans.domain.activation.ProductsInCatalog;
import io.resourceplans.domain.alert.AlertService;
import io.resourceplans.domain.alert.AlertSettingView;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.billing.LedgerEntry;
import io.resourceplans.domain.billing.NewOrder;
import io.resourceplans.domain.billing.Order;
import io.resourceplans.domain.billing.OrderService;
import io.resourceplans.domain.billing.OrderSettings;
import io.resourceplans.domain.billing.PaidOrder;
import io.resourceplans.domain.billing.Voucher;
import io.resourceplans.domain.billing.VoucherService;
import io.resourceplans.domain.billing.Wallet;
import io.resourceplans.domain.billing.WalletService;
import io.resourceplans.domain.catalog.CatalogService;
import io.resourceplans.domain.catalog.CustomPricing;
import io.resourceplans.domain.catalog.FixedPricing;
import io.resourceplans.domain.catalog.NewPlanSpec;
import io.resourceplans.domain.catalog.NewProduct;
import io.resourceplans.domain.catalog.PlanSpecKind;
import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.catalog.PurposePrice;
import io.resourceplans.domain.catalog.VolumeTier;
import io.resourceplans.domain.clock.AccountClock;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.idempotency.IdempotencyKey;
import io.resourceplans.domain.identity.IdentityReviewDecision;
import io.resourceplans.domain.identity.IdentitySubjectType;
import io.resourceplans.domain.identity.IdentityVerification;
import io.resourceplans.domain.identity.IdentityVerificationService;
import io.resourceplans.domain.identity.NewIdentityVerification;
import io.resourceplans.domain.money.Money;
import io.resourceplans.domain.money.SettlementCurrency;
import io.resourceplans.domain.notification.InternalMessageRepository;
import io.resourceplans.domain.notification.NotificationKind;
import io.resourceplans.domain.notification.Notifier;
import io.resourceplans.domain.notification.Templates;
import io.resourceplans.domain.quota.ActivePackageTotals;
import io.resourceplans.domain.quota.CoveredUsageRecorder;
import io.resourceplans.domain.quota.PackageRepository;
import io.resourceplans.domain.quota.PlanPackage;
import io.resourceplans.domain.quota.UsageRecord;
import io.resourceplans.domain.quota.UsageService;
import io.resourceplans.domain.terms.TermsAcceptances;
import io.resourceplans.domain.terms.TermsKind;
import io.resourceplans.domain.terms.TermsRepository;
import io.resourceplans.domain.terms.TermsService;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.domain.tx.Tx;
import io.resourceplans.storage.db.JdbiTransactor;
import io.resourceplans.storage.db.Jdbis;
import io.resourceplans.storage.quota.BatchingCoveredUsageRecorder;
import io.resourceplans.storage.quota.SqlCoveredUsageRecorder;
import io.resourceplans.storage.testing.MutableClock;
import io.resourceplans.storage.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.function.Executable;

/**
 * The domain services wired by hand as the server's Dagger graph wires them (StorageModule's
 * transactor and batching covered-usage recorder included), on one fresh database, with a small
 * catalog of its own and a clock the tests move. Every set-up goes through the services as an
 * operator or a buyer would, except {@link #laidOut}, which places a package with exact times.
 */
final class ServiceFixtures implements AutoCloseable, AfterAllCallback {
  static final String CURRENCY = "CNY";
  static final String REGION = "ap-southeast-1";
  static final String SMS = "sms";
  /**
   * Custom, 12 months, verification or marketing (a custom spec may not sell GENERAL): 0.044 below
   * 10,000 units, 0.040 from 10,000; marketing 0.046 / 0.042.
   */
  static final String CUSTOM = "sms-custom";
  /** Custom, 6 months, verification or marketing, 0.050 whatever the quantity. */
  static final String CUSTOM_6M = "sms-custom-6m";
  /** Fixed, 12 months: 5,000 messages a package for 215.00; marketing 225.00. */
  static final String FIXED = "sms-5000";
  static final long FIXED_SIZE = 5_000;
  /** Fixed, 12 months, any purpose: 100 messages for 5.00 (how tests buy GENERAL quota). */
  static final String SMALL = "sms-100";
  /** Pay-as-you-go prices of {@link #SMS}. */
  static final Map<Purpose, Money> PAYG =
      Map.of(
          Purpose.VERIFICATION_NOTIFICATION, cny("0.045"),
          Purpose.MARKETING, cny("0.055"),
          Purpose.GENERAL, cny("0.05"));

  final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T08:00:00Z"));
  final TestDatabase db;
  final Transactor transactor;
  final CatalogService catalog;
  final AccountService accounts;
  final WalletService wallets;
  final VoucherService vouchers;
  final AlertService alerts;
  final OrderService orders;
  final ActivationService activations;
  final IdentityVerificationService identities;
  /** As the server runs it: covered requests in one database call, the rest on the full path. */
  final UsageService usage;
  /** Every request on the full path (a recorder that declines all), to test the Java rules alone. */
  final UsageService fullPathUsage;

  private final AtomicInteger requests = new AtomicInteger();

  private ServiceFixtures() {
    db = TestDatabase.create();
    transactor = new JdbiTransactor(Jdbis.create(db.dataSource()));
    SettlementCurrency currency = new SettlementCurrency(CURRENCY);
    AccountClock accountClock = new AccountClock(clock, transactor);
    Notifier notifier = new Notifier(Templates.builtIn(), clock);
    TermsService terms = new TermsService();
    TermsAcceptances acceptances = new TermsAcceptances();
    catalog = new CatalogService(clock, currency);
    accounts = new AccountService(clock);
    wallets = new WalletService(clock, currency);
    vouchers = new VoucherService(clock, currency, accountClock);
    alerts = new AlertService(clock, notifier, accountClock);
    orders = new OrderService(clock, currency, new OrderSettings(OrderSettings.DEFAULT_TTL), terms, acceptances,
        wallets, vouchers, alerts, notifier, accountClock);
    identities = new IdentityVerificationService(clock);
    activations = new ActivationService(clock, terms, acceptances, new ProductsInCatalog(), new ActivePackageTotals(),
        accountClock);
    CoveredUsageRecorder oneCall = BatchingCoveredUsageRecorder.withDefaults(new SqlCoveredUsageRecorder(db.dataSource(), io.resourceplans.storage.db.DatabaseEngine.of(db.dataSource()), clock));
    usage = new UsageService(clock, currency, wallets, alerts, transactor, oneCall, accountClock);
    CoveredUsageRecorder declineAll = (key, draft) -> new CoveredUsageRecorder.NotCovered();
    fullPathUsage = new UsageService(clock, currency, wallets, alerts, transactor, declineAll, accountClock);
  }

  /** A fresh database with the catalog in it; close it after the test class. */
  static ServiceFixtures start() {
    ServiceFixtures f = new ServiceFixtures();
    try {
      f.seedCatalog();
    } catch (RuntimeException e) {
      f.close();
      throw e;
    }
    return f;
  }

  /** As a class's {@code @RegisterExtension}: closed after the class's tests. */
  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    db.close();
  }

  private void seedCatalog() {
    Principal operator = Principal.operator();
    Set<Purpose> all = Set.of(Purpose.values());
    Set<Purpose> custom = Set.of(Purpose.VERIFICATION_NOTIFICATION, Purpose.MARKETING);
    tx(tx -> {
      catalog.createProduct(tx, operator, new NewProduct(SMS, "SMS", "Text messages.", "message", PAYG, ""));
      catalog.createPlanSpec(tx, operator, new NewPlanSpec(CUSTOM, SMS, "Custom package", PlanSpecKind.CUSTOM, custom, 12,
          null,
          new CustomPricing(100, 100, 0, List.of(
              new VolumeTier(100, 10_000, cny("0.044")), new VolumeTier(10_000, 0, cny("0.040")))),
          List.of(PurposePrice.tiered(Purpose.MARKETING, List.of(
              new VolumeTier(100, 10_000, cny("0.046")), new VolumeTier(10_000, 0, cny("0.042")))))));
      catalog.createPlanSpec(tx, operator, new NewPlanSpec(CUSTOM_6M, SMS, "Half-year package", PlanSpecKind.CUSTOM,
          custom, 6, null, new CustomPricing(100, 100, 0, List.of(new VolumeTier(100, 0, cny("0.050")))), List.of()));
      catalog.createPlanSpec(tx, operator, new NewPlanSpec(FIXED, SMS, "5,000 messages", PlanSpecKind.FIXED, all, 12,
          new FixedPricing(FIXED_SIZE, cny("215.00")), null,
          List.of(PurposePrice.fixed(Purpose.MARKETING, cny("225.00")))));
      catalog.createPlanSpec(tx, operator, new NewPlanSpec(SMALL, SMS, "100 messages", PlanSpecKind.FIXED, all, 12,
          new FixedPricing(100, cny("5.00")), null, List.of()));
      return null;
    });
  }

  static Money cny(String amount) {
    return Money.of(amount, CURRENCY);
  }

  <T> T tx(Function<Tx, T> work) {
    return transactor.inTransaction(work);
  }

  /**
   * A new account (default region {@link #REGION}, email but no phone) calling with its main key,
   * identity verified: buying needs that in every region.
   */
  Principal newAccount(String name) {
    CreatedAccount created = tx(tx -> accounts.createAccount(tx, Principal.operator(),
        new NewAccount(name, name.toLowerCase().replace(' ', '.') + "@example.com", "", REGION, null)));
    Principal buyer = Principal.mainAccount(created.account().accountId(), created.mainKey().key().apiKeyId());
    tx(tx -> {
      IdentityVerification submitted = identities.submit(tx, buyer,
          new NewIdentityVerification(IdentitySubjectType.ENTERPRISE, name + " Ltd", "91330100MA2B3C4D5E"));
      return identities.review(tx, Principal.operator(), submitted.identityVerificationId(),
          IdentityReviewDecision.APPROVE, "");
    });
    return buyer;
  }

  /** Operator top-up and gift grant; null leaves that balance alone. */
  void fund(Principal buyer, String cash, String gift) {
    tx(tx -> {
      if (cash != null) {
        wallets.topUpCash(tx, Principal.operator(), buyer.accountId(), cny(cash));
      }
      if (gift != null) {
        wallets.grantGift(tx, Principal.operator(), buyer.accountId(), cny(gift));
      }
      return null;
    });
  }

  Wallet wallet(Principal buyer) {
    return tx(tx -> wallets.get(tx, buyer));
  }

  List<LedgerEntry> ledger(Principal buyer) {
    return tx(tx -> wallets.ledger(tx, buyer, null, null, PageRequest.first(100, "ledger")).items());
  }

  String planTerms() {
    return tx(tx -> tx.get(TermsRepository.class).current(TermsKind.RESOURCE_PLAN).orElseThrow().version());
  }

  Order order(Principal buyer, String spec, long quantity, Purpose purpose) {
    String terms = planTerms();
    return tx(tx -> orders.create(tx, buyer, new NewOrder(spec, quantity, purpose, REGION, terms)));
  }

  PaidOrder pay(Principal buyer, String orderId, String voucherId) {
    return tx(tx -> orders.pay(tx, buyer, orderId, voucherId));
  }

  Order getOrder(Principal buyer, String orderId) {
    return tx(tx -> orders.get(tx, buyer, orderId));
  }

  /** Creates and pays an order of {@link #CUSTOM} (one package of {@code quantity}); its package ID. */
  String buy(Principal buyer, long quantity, Purpose purpose) {
    return buy(buyer, CUSTOM, quantity, purpose).packages().get(0).packageId();
  }

  /** Buys one GENERAL package of 100 ({@link #SMALL}, 5.00); its package ID. */
  String buyGeneral(Principal buyer) {
    return buy(buyer, SMALL, 1, Purpose.GENERAL).packages().get(0).packageId();
  }

  PaidOrder buy(Principal buyer, String spec, long quantity, Purpose purpose) {
    return pay(buyer, order(buyer, spec, quantity, purpose).orderId(), null);
  }

  /**
   * A package with exactly these times and ID, written through the repository: burn-down ties
   * (same expiry, same purchase time) cannot be bought through orders, whose package IDs are random
   * and start with the purchase date. Its parent order (the foreign key wants one) stays unpaid.
   */
  PlanPackage laidOut(Principal buyer, String packageId, Purpose purpose, long quantity, Instant purchase, Instant expire) {
    Order parent = order(buyer, SMALL, 1, purpose);
    PlanPackage pkg = new PlanPackage(buyer.accountId(), packageId, "laid out", SMS, CUSTOM, purpose, REGION,
        quantity, quantity, parent.orderId(), purchase, expire);
    tx(tx -> {
      tx.get(PackageRepository.class).insert(pkg);
      return null;
    });
    return pkg;
  }

  long remaining(Principal buyer, String packageId) {
    return tx(tx -> tx.get(PackageRepository.class).find(buyer.accountId(), packageId).orElseThrow().remainingQuantity());
  }

  void activatePayAsYouGo(Principal buyer) {
    String agreement =
        tx(tx -> tx.get(TermsRepository.class).current(TermsKind.PAY_AS_YOU_GO).orElseThrow().version());
    tx(tx -> activations.activatePayAsYouGo(tx, buyer, SMS, REGION, agreement));
  }

  Voucher voucher(Principal buyer, String amount, String minimumOrderAmount) {
    return tx(tx -> vouchers.issue(tx, Principal.operator(), buyer.accountId(), cny(amount), null,
        cny(minimumOrderAmount), clock.instant().plus(java.time.Duration.ofDays(30))));
  }

  /** A key for a new request ID of the buyer; the fingerprint stands for the request's content. */
  IdempotencyKey usageKey(Principal buyer, Purpose purpose, long quantity) {
    return usageKey(buyer, "use-" + requests.incrementAndGet(), purpose, quantity);
  }

  static IdempotencyKey usageKey(Principal buyer, String requestId, Purpose purpose, long quantity) {
    String content = SMS + "|" + purpose + "|" + quantity + "|" + REGION;
    return new IdempotencyKey(buyer.accountId(), requestId, content.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Which implementation of the usage rules records a covered request (burn-down and the alert
   * check exist in SQL for the one-call path and in Java for the full path).
   */
  enum Path {
    ONE_CALL,
    FULL
  }

  UsageService usage(Path path) {
    return path == Path.ONE_CALL ? usage : fullPathUsage;
  }

  /** Records a use of {@link #SMS} in {@link #REGION} as the server runs it, under a new request ID. */
  UsageRecord use(Principal buyer, Purpose purpose, long quantity) {
    return use(Path.ONE_CALL, buyer, purpose, quantity);
  }

  UsageRecord use(Path path, Principal buyer, Purpose purpose, long quantity) {
    return usage(path).record(buyer, usageKey(buyer, purpose, quantity), SMS, purpose, quantity, REGION);
  }

  /** The alert setting of {@link #SMS} and the purpose, with the remaining quantity now. */
  AlertSettingView alertSetting(Principal buyer, Purpose purpose) {
    return tx(tx -> alerts.list(tx, buyer, SMS, PageRequest.first(10, "alerts")).items().stream()
        .filter(s -> s.purpose() == purpose)
        .findFirst()
        .orElseThrow());
  }

  /** Quota-alert internal messages of the account (one per alert; paid orders leave others). */
  List<String> quotaAlerts(Principal buyer) {
    return tx(tx -> tx.get(InternalMessageRepository.class)
        .list(buyer.accountId(), false, PageRequest.first(100, "messages")).items().stream()
        .filter(m -> m.kind() == NotificationKind.QUOTA_ALERT)
        .map(m -> m.body())
        .toList());
  }

  /** Runs {@code call}, which must be refused with {@code code}. */
  static DomainException assertRefused(ErrorCode code, Executable call) {
    DomainException e = assertThrows(DomainException.class, call);
    assertEquals(code, e.code(), e::getMessage);
    return e;
  }
}
