package io.resourceplans.server;

import static io.resourceplans.server.testing.AlertFixtures.PRODUCT;
import static io.resourceplans.server.testing.AlertFixtures.REGION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.common.Ids;
import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.idempotency.IdempotencyKey;
import io.resourceplans.domain.money.Money;
import io.resourceplans.domain.money.SettlementCurrency;
import io.resourceplans.domain.quota.CoveredUsageRecorder;
import io.resourceplans.domain.quota.CoveredUsageRecorder.NotCovered;
import io.resourceplans.domain.quota.CoveredUsageRecorder.Recorded;
import io.resourceplans.domain.quota.QuotaCheck;
import io.resourceplans.domain.quota.UsageObserver;
import io.resourceplans.domain.quota.UsageRecord;
import io.resourceplans.domain.quota.UsageService;
import io.resourceplans.server.di.TestServerComponent;
import io.resourceplans.server.testing.AlertFixtures;
import io.resourceplans.server.testing.Buyers;
import io.resourceplans.server.testing.TestServer;
import io.resourceplans.storage.quota.SqlCoveredUsageRecorder;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The alert-crossing and pay-as-you-go rules exist twice: in SQL for the one-call path
 * (rp_record_covered_usages, R__usage_functions.sql) and in the full path of UsageService (the
 * burn-down order is rp_take_packages for both). Here both paths get the same request on the same
 * state, for many random states: package purposes, regions and remaining quantities, expiry and
 * purchase times with ties (and packages expiring exactly now), alert settings armed or triggered,
 * pay-as-you-go active or not, and a wallet of gift, cash and credit that may or may not pay the
 * rest. The one-call path must record exactly what the full path records (the usage record, the
 * package deductions, the wallet and the ledger entries of the charge, and the request's
 * fingerprint), or leave the request to it (only when the full path refuses it or an alert changes
 * state) having changed nothing. CheckQuota's forecast on the same state must agree with both. The
 * seed is fixed, so a failure names a trial that can be replayed.
 */
class UsagePathsAgreeTest {
  private static final long SEED = 20261130L;
  private static final int TRIALS = 300;
  private static final int PACKAGES = 6;
  private static final long PACKAGE_SIZE = 100;
  private static final Purpose REQUESTED = Purpose.VERIFICATION_NOTIFICATION;
  private static final List<Purpose> PURPOSES =
      List.of(Purpose.VERIFICATION_NOTIFICATION, Purpose.GENERAL, Purpose.MARKETING);
  /** Packages there count for alerts (every region) but never for usage in {@link AlertFixtures#REGION}. */
  private static final String OTHER_REGION = "ap-southeast-1";

  private static final String RECORDED = "recorded by both from packages";
  private static final String PAID = "recorded by both, the rest pay-as-you-go";
  private static final String SHORT = "packages short, no pay-as-you-go: refused by the full path";
  private static final String BROKE = "the wallet cannot pay the rest: refused by the full path";
  private static final String ALERT = "alert changes state: left to the full path";
  private static final String EMPTIED = "takes a package's last units: left to the full path (package.exhausted)";

  private static TestServer server;
  private static String accountId;
  private static final List<String> packageIds = new ArrayList<>();
  /** UsageService with a recorder that declines everything: always the full path. */
  private static UsageService fullPath;
  private static SqlCoveredUsageRecorder oneCall;

  private record PackageState(
      String packageId, Purpose purpose, String regionId, long remaining, Instant expireTime, Instant purchaseTime) {}

  private record AlertState(Purpose purpose, long threshold, boolean triggered) {}

  /** Pay-as-you-go active or not, and the wallet's gift, cash, credit line and credit used. */
  private record WalletState(
      boolean payAsYouGo, BigDecimal gift, BigDecimal cash, BigDecimal creditLine, BigDecimal creditUsed) {}

  private record Layout(List<PackageState> packages, List<AlertState> alerts, WalletState wallet, long quantity) {}

  /** The price of a message of the requested purpose: what the random wallets are measured against. */
  private static BigDecimal unitPrice;
  /** The account's pay-as-you-go activation, as it accepted the agreement: put back when a layout has one. */
  private static Map<String, Object> activation;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer();
    CreateAccountResponse buyer = AlertFixtures.buyer(server, "Two Paths Sender", "");
    accountId = buyer.getAccount().getAccountId();
    for (int i = 0; i < PACKAGES; i++) {
      packageIds.add(AlertFixtures.buy(server, buyer.getApiKeySecret(), PACKAGE_SIZE,
          io.resourceplans.api.v1.Purpose.PURPOSE_MARKETING).getPackageId());
    }
    Buyers.activatePayAsYouGo(server, buyer.getApiKeySecret(), PRODUCT, REGION);
    Buyers.fund(server, buyer, "1.00", null);
    activation = server.jdbi().withHandle(h -> h.createQuery(
            "select * from pay_as_you_go_activations where account_id = :account")
        .bind("account", accountId).mapToMap().one());
    unitPrice = server.jdbi().withHandle(h -> h.createQuery(
            "select unit_price from product_pay_as_you_go_prices where product_id = :product and purpose = :purpose")
        .bind("product", PRODUCT).bind("purpose", REQUESTED.name()).mapTo(BigDecimal.class).one());
    TestServerComponent c = server.component();
    CoveredUsageRecorder declineAll = (key, draft) -> new NotCovered();
    // CheckQuota through the server's own reader (batched), as the RPC reads.
    fullPath = new UsageService(server.clock, new SettlementCurrency("CNY"), c.wallets(), c.alerts(), c.transactor(),
        declineAll, c.accountClock(), UsageObserver.NONE, c.quotaFactsReader());
    oneCall = server.coveredUsage();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void theOneCallPathRecordsWhatTheFullPathRecordsOrLeavesTheRequestToIt() {
    SplittableRandom random = new SplittableRandom(SEED);
    Map<String, Integer> outcomes = new TreeMap<>();
    for (int trial = 0; trial < TRIALS; trial++) {
      Layout layout = layout(random);
      outcomes.merge(compare(trial, layout), 1, Integer::sum);
    }
    // Every way a request can go came up often enough for the comparison to mean something.
    for (String kind : List.of(RECORDED, PAID, SHORT, BROKE, ALERT, EMPTIED)) {
      assertTrue(outcomes.getOrDefault(kind, 0) >= 15, () -> "too few '" + kind + "': " + outcomes);
    }
  }

  /** Runs the full path, puts the state back, runs the one-call path; says which way it went. */
  private static String compare(int trial, Layout layout) {
    String context = "trial " + trial + " (seed " + SEED + "): " + layout;
    Instant now = Times.now(server.clock);

    apply(layout);
    Map<String, Long> before = remaining();
    List<String> alertsBefore = alertSettings();
    String walletBefore = wallet();
    // CheckQuota's one-statement forecast, on the same state, before anything is recorded.
    QuotaCheck forecast =
        fullPath.check(Principal.mainAccount(accountId, "test-key"), PRODUCT, REQUESTED, layout.quantity(), REGION);
    assertEquals(usableRemaining(layout, now), forecast.packageRemaining(), context);
    UsageRecord full;
    ErrorCode refusal = null;
    try {
      full = fullPath.record(Principal.mainAccount(accountId, "test-key"), key("full-" + trial, layout), PRODUCT,
          REQUESTED, layout.quantity(), REGION);
    } catch (DomainException e) {
      refusal = e.code();
      assertTrue(refusal == ErrorCode.QUOTA_EXHAUSTED || refusal == ErrorCode.INSUFFICIENT_BALANCE, context + ": " + e);
      assertEquals(before, remaining(), context);
      assertEquals(walletBefore, wallet(), context);
      full = null;
    }
    Map<String, Long> afterFull = remaining();
    String walletAfterFull = wallet();
    List<String> ledgerOfFull = full == null ? List.of() : ledger(full.usageId());
    boolean alertChanged = !alertSettings().equals(alertsBefore);
    if (full == null) {
      assertEquals(false, forecast.allowed(), context);
      assertEquals(refusal, forecast.denial(), context);
    } else {
      assertEquals(true, forecast.allowed(), context);
      assertEquals(full.packageQuantity(), forecast.packageQuantity(), context);
      assertEquals(full.payAsYouGoQuantity(), forecast.payAsYouGoQuantity(), context);
      assertEquals(full.payAsYouGoCharge(), forecast.estimatedCharge(), context);
    }

    apply(layout);
    String requestId = "one-call-" + trial;
    UsageRecord draft = new UsageRecord(accountId, Ids.newId("use"), requestId, PRODUCT, REQUESTED, REGION,
        layout.quantity(), List.of(), layout.quantity(), 0, null, Money.zero("CNY"), now);
    CoveredUsageRecorder.Outcome outcome =
        oneCall.recordAll(List.of(new SqlCoveredUsageRecorder.Request(key(requestId, layout), draft))).get(0);

    boolean empties = full != null && full.deductions().stream().anyMatch(d -> d.remainingAfter() == 0);
    if (full == null || alertChanged || empties) {
      assertInstanceOf(NotCovered.class, outcome, context);
      assertEquals(before, remaining(), context);
      assertEquals(alertsBefore, alertSettings(), context);
      assertEquals(walletBefore, wallet(), context);
      assertEquals(0, rowsFor(requestId), context + ": no idempotency or usage record left behind");
      assertEquals(List.of(), ledger(draft.usageId()), context + ": no ledger entry left behind");
      return full != null ? (empties ? EMPTIED : ALERT) : refusal == ErrorCode.QUOTA_EXHAUSTED ? SHORT : BROKE;
    }
    UsageRecord recorded = assertInstanceOf(Recorded.class, outcome, context).record();
    assertEquals(full.deductions(), recorded.deductions(), context);
    assertEquals(List.of(full.packageQuantity(), full.payAsYouGoQuantity()),
        List.of(recorded.packageQuantity(), recorded.payAsYouGoQuantity()), context);
    assertEquals(full.payAsYouGoUnitPrice(), recorded.payAsYouGoUnitPrice(), context);
    assertEquals(full.payAsYouGoCharge(), recorded.payAsYouGoCharge(), context);
    // What each path stored, read back the same way: the record's columns, the wallet, the ledger.
    assertEquals(storedRecord(full.usageId()), storedRecord(recorded.usageId()), context);
    assertEquals(walletAfterFull, wallet(), context);
    assertEquals(ledgerOfFull, ledger(recorded.usageId()), context);
    // Each record answers its request's retries: it keeps that request's fingerprint.
    assertEquals(List.of(fingerprint("full-" + trial, layout), fingerprint(requestId, layout)),
        List.of(storedFingerprint("full-" + trial), storedFingerprint(requestId)), context);
    assertEquals(afterFull, remaining(), context);
    assertEquals(alertsBefore, alertSettings(), context);
    return full.payAsYouGoQuantity() > 0 ? PAID : RECORDED;
  }

  /** A random state: small packages so that shortfalls, exhausted packages and alert crossings all occur. */
  private static Layout layout(SplittableRandom random) {
    Instant now = Times.now(server.clock);
    List<PackageState> packages = new ArrayList<>();
    // One layout in six has nothing left in any package: a usage there is all pay-as-you-go, which
    // the one-call path records (with packages, a pay-as-you-go rest empties them: the full path's).
    boolean noneLeft = random.nextInt(6) == 0;
    for (String packageId : packageIds) {
      Purpose purpose = PURPOSES.get(random.nextInt(PURPOSES.size()));
      String region = random.nextInt(4) == 0 ? OTHER_REGION : REGION;
      long remaining = noneLeft || random.nextInt(5) == 0 ? 0 : 1 + random.nextLong(PACKAGE_SIZE);
      // -1 day: expired; 0: expires exactly now (no longer usable); 1..3 days: usable. Ties are common.
      Instant expire = now.plus(Duration.ofDays(random.nextInt(5) - 1));
      Instant purchase = now.minus(Duration.ofDays(1 + random.nextInt(3)));
      packages.add(new PackageState(packageId, purpose, region, remaining, expire, purchase));
    }
    // Half small requests (mostly covered), half up to 200 (often more than the usable packages hold).
    long quantity = 1 + random.nextLong(random.nextBoolean() ? 30 : 200);
    // Pay-as-you-go in three layouts of four; the wallet holds from nothing to about what the whole
    // quantity would cost, in random shares of gift, cash and unused credit (some credit already used).
    BigDecimal most = unitPrice.multiply(BigDecimal.valueOf(quantity));
    BigDecimal line = cents(random, most, 2);
    WalletState wallet = new WalletState(random.nextInt(4) != 0, cents(random, most, 3), cents(random, most, 3),
        line, cents(random, line, 2));
    List<AlertState> alerts = new ArrayList<>();
    for (Purpose purpose : PURPOSES) {
      if (random.nextInt(3) == 0) {
        // Often just below what the purpose's active packages (every region) hold, so that a
        // deduction lands exactly on, just above or just below the threshold.
        long held = packages.stream()
            .filter(p -> p.purpose() == purpose && p.expireTime().isAfter(now))
            .mapToLong(PackageState::remaining)
            .sum();
        long threshold = random.nextBoolean() ? held - random.nextLong(quantity + 2) : 1 + random.nextLong(300);
        alerts.add(new AlertState(purpose, Math.max(1, threshold), random.nextBoolean()));
      }
    }
    return new Layout(packages, alerts, wallet, quantity);
  }

  /** Zero once in {@code zeroOneIn} times, else a random amount in cents up to {@code most}. */
  private static BigDecimal cents(SplittableRandom random, BigDecimal most, int zeroOneIn) {
    long top = most.movePointRight(2).longValue();
    if (top <= 0 || random.nextInt(zeroOneIn) == 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    return BigDecimal.valueOf(1 + random.nextLong(top), 2);
  }

  /** Puts the account's packages and alert settings into the layout's state, with SQL. */
  private static void apply(Layout layout) {
    Instant now = Times.now(server.clock);
    server.jdbi().useTransaction(h -> {
      for (PackageState p : layout.packages()) {
        int updated = h.createUpdate("""
                update packages
                   set purpose = :purpose, region_id = :region, remaining_quantity = :remaining,
                       exhausted = (:remaining = 0), expire_time = :expire, purchase_time = :purchase
                 where account_id = :account and package_id = :package
                """)
            .bind("purpose", p.purpose().name()).bind("region", p.regionId()).bind("remaining", p.remaining())
            .bind("expire", p.expireTime()).bind("purchase", p.purchaseTime())
            .bind("account", accountId).bind("package", p.packageId())
            .execute();
        assertEquals(1, updated);
      }
      // Packages written by hand: their totals (V21) made again, as after any data fix.
      h.createQuery("select rp_rebuild_package_totals(:account)").bind("account", accountId).mapTo(String.class).one();
      h.createUpdate("delete from alert_settings where account_id = :account").bind("account", accountId).execute();
      WalletState w = layout.wallet();
      h.createUpdate("""
              update wallets set gift_balance = :gift, cash_balance = :cash, credit_line = :line, credit_used = :used
               where account_id = :account
              """)
          .bind("gift", w.gift()).bind("cash", w.cash()).bind("line", w.creditLine()).bind("used", w.creditUsed())
          .bind("account", accountId).execute();
      h.createUpdate("delete from pay_as_you_go_activations where account_id = :account")
          .bind("account", accountId).execute();
      if (w.payAsYouGo()) {
        h.createUpdate("""
                insert into pay_as_you_go_activations (account_id, product_id, region_id, accepted_agreement_version,
                                                       activate_time)
                values (:account_id, :product_id, :region_id, :accepted_agreement_version, :activate_time)
                """).bindMap(activation).execute();
      }
      for (AlertState a : layout.alerts()) {
        h.createUpdate("""
                insert into alert_settings (account_id, product_id, purpose, threshold, channels, state,
                                            last_alert_time, update_time)
                values (:account, :product, :purpose, :threshold, '{INTERNAL_MESSAGE}', :state, :lastAlert, :now)
                """)
            .bind("account", accountId).bind("product", PRODUCT).bind("purpose", a.purpose().name())
            .bind("threshold", a.threshold()).bind("state", a.triggered() ? "TRIGGERED" : "ARMED")
            .bind("lastAlert", a.triggered() ? now.minus(Duration.ofHours(1)) : null).bind("now", now)
            .execute();
      }
    });
  }

  private static IdempotencyKey key(String requestId, Layout layout) {
    return new IdempotencyKey(accountId, requestId, ("quantity " + layout.quantity()).getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, Long> remaining() {
    Map<String, Long> remaining = new TreeMap<>();
    server.jdbi().useHandle(h -> h.createQuery(
            "select package_id, remaining_quantity from packages where account_id = :account")
        .bind("account", accountId)
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
        .forEach(e -> remaining.put(e.getKey(), e.getValue())));
    return remaining;
  }

  /** The wallet's balances and update time, as one line. */
  private static String wallet() {
    return server.jdbi().withHandle(h -> h.createQuery("""
            select concat_ws(' ', currency, gift_balance, cash_balance, credit_line, credit_used, update_time)
              from wallets where account_id = :account
            """)
        .bind("account", accountId).mapTo(String.class).one());
  }

  /** The ledger entries of a usage, one line each (all but the entry's ID), in balance order. */
  private static List<String> ledger(String usageId) {
    return server.jdbi().withHandle(h -> h.createQuery("""
            select concat_ws(' ', kind, balance_kind, amount, balance_after, currency, order_id, description,
                             create_time)
              from ledger_entries where account_id = :account and usage_id = :usage
             order by balance_kind
            """)
        .bind("account", accountId).bind("usage", usageId).mapTo(String.class).list());
  }

  /**
   * A usage record's stored columns but its IDs and fingerprint, as one line, with its funding trace
   * by package (usage_package_draws, V23: package, time and quantity, in package order).
   */
  private static String storedRecord(String usageId) {
    return server.jdbi().withHandle(h -> h.createQuery("""
            select concat_ws(' ', product_id, purpose, region_id, quantity, package_quantity, pay_as_you_go_quantity,
                             currency, pay_as_you_go_unit_price, pay_as_you_go_charge, record_time,
                             deduction_package_ids, deduction_quantities, deduction_remaining_after,
                             deduction_purposes, coalesce(tag, '-'), 'draws:',
                             (select string_agg(d.package_id || '@' || d.record_time || '=' || d.quantity, ','
                                                order by d.package_id)
                                from usage_package_draws d
                               where d.account_id = u.account_id and d.usage_id = u.usage_id))
              from usage_records u where account_id = :account and usage_id = :usage
            """)
        .bind("account", accountId).bind("usage", usageId).mapTo(String.class).one());
  }

  /** Each alert setting as "purpose threshold state", in purpose order. */
  private static List<String> alertSettings() {
    return server.jdbi().withHandle(h -> h.createQuery("""
            select purpose || ' ' || threshold || ' ' || state from alert_settings
             where account_id = :account order by purpose
            """)
        .bind("account", accountId).mapTo(String.class).list());
  }

  private static String fingerprint(String requestId, Layout layout) {
    return java.util.HexFormat.of().formatHex(key(requestId, layout).fingerprint());
  }

  private static String storedFingerprint(String requestId) {
    return server.jdbi().withHandle(h -> h.createQuery(
            "select encode(fingerprint, 'hex') from usage_records where account_id = :account and request_id = :request")
        .bind("account", accountId).bind("request", requestId).mapTo(String.class).one());
  }

  /** The request ID's idempotency and usage records. */
  private static long rowsFor(String requestId) {
    return server.jdbi().withHandle(h -> h.createQuery("""
            select (select count(*) from idempotency_records where scope = :account and request_id = :request)
                 + (select count(*) from usage_records where account_id = :account and request_id = :request)
            """)
        .bind("account", accountId).bind("request", requestId).mapTo(Long.class).one());
  }

  /** What CheckQuota must report left: usable packages (requested purpose or general) of the region. */
  private static long usableRemaining(Layout layout, Instant now) {
    return layout.packages().stream()
        .filter(p -> p.regionId().equals(REGION))
        .filter(p -> p.purpose() == REQUESTED || p.purpose() == Purpose.GENERAL)
        .filter(p -> p.expireTime().isAfter(now))
        .mapToLong(PackageState::remaining)
        .sum();
  }
}
