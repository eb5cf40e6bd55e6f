package io.resourceplans.domain.quota;

import javax.inject.Inject;
import javax.inject.Singleton;
import io.resourceplans.domain.catalog.ProductRepository;
import io.resourceplans.domain.activation.ActivationRepository;
import io.resourceplans.domain.activation.Activation;
import io.resourceplans.domain.alert.AlertService;
import io.resourceplans.domain.auth.Permission;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.billing.LedgerEntryKind;
import io.resourceplans.domain.billing.Wallet;
import io.resourceplans.domain.billing.WalletService;
import io.resourceplans.domain.catalog.Product;
import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.common.Ids;
import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCategory;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.idempotency.IdempotencyKey;
import io.resourceplans.domain.idempotency.IdempotentExecutor;
import io.resourceplans.domain.money.Money;
import io.resourceplans.domain.money.SettlementCurrency;
import io.resourceplans.domain.region.Regions;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.domain.tx.Tx;
import io.resourceplans.domain.clock.AccountClock;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The sending hot path: deducts usage from the account's active packages in burn-down order, then
 * charges any rest pay-as-you-go, or refuses the whole request. Everything happens in one
 * transaction under package row locks, so concurrent senders and server replicas never overdraw a
 * package (the database's check constraint is the last guard). The common case runs as one
 * database call ({@link CoveredUsageRecorder}), which must follow the same rules as
 * {@link #recordInTransaction}; UsagePathsAgreeTest compares the two on random package layouts and
 * alert settings, and CoveredUsageTest and UsageTest pin down the cases. {@link #recordAll} decides
 * many records of one call on the same two paths (RecordUsagesTest, UsagesBatchAgreeTest).
 */
@Singleton
public final class UsageService {
  /** How a quantity would be covered: deductions from packages and the pay-as-you-go rest. */
  private record Plan(List<PackageDeduction> deductions, long fromPackages, long remainingBefore, long rest) {}

  private final Clock clock;
  private final AccountClock accountClock;
  private final SettlementCurrency currency;
  private final WalletService wallets;
  private final AlertService alerts;
  private final Transactor transactor;
  private final CoveredUsageRecorder covered;
  private final UsageObserver observer;
  private final QuotaFactsReader quotaFacts;
  private final PackageExhaustedEvents exhausted;

  /**
   * With each account's own time (test clocks); observed by nobody; each CheckQuota read on its
   * own; no package.exhausted events (tests comparing paths).
   */
  public UsageService(Clock clock, SettlementCurrency currency, WalletService wallets, AlertService alerts, Transactor transactor, CoveredUsageRecorder covered, AccountClock accountClock) {
    this(clock, currency, wallets, alerts, transactor, covered, accountClock, UsageObserver.NONE,
        QuotaFactsReader.perRequest(transactor));
  }

  /** As above, telling {@code observer} each call's outcome (metrics), CheckQuota reading through {@code quotaFacts}. */
  public UsageService(Clock clock, SettlementCurrency currency, WalletService wallets, AlertService alerts, Transactor transactor, CoveredUsageRecorder covered, AccountClock accountClock, UsageObserver observer, QuotaFactsReader quotaFacts) {
    this(clock, currency, wallets, alerts, transactor, covered, accountClock, observer, quotaFacts, null);
  }

  /** As above, writing a package.exhausted event when the full path empties a package. */
  @Inject
  public UsageService(Clock clock, SettlementCurrency currency, WalletService wallets, AlertService alerts, Transactor transactor, CoveredUsageRecorder covered, AccountClock accountClock, UsageObserver observer, QuotaFactsReader quotaFacts, PackageExhaustedEvents exhausted) {
    this.exhausted = exhausted;
    this.observer = observer;
    this.quotaFacts = quotaFacts;
    this.clock = clock;
    this.transactor = transactor;
    this.covered = covered;
    this.currency = currency;
    this.wallets = wallets;
    this.alerts = alerts;
    this.accountClock = accountClock;
  }

  /**
   * Records a use once per request ID: a retry gets the first record back and changes nothing, and
   * the same ID with other content (or another RPC's) is refused. The usage record is the request's
   * idempotency record, kept for good, so a retry is answered at any age. The common case (packages
   * cover it, no alert changes state) is one database call ({@link CoveredUsageRecorder}); anything
   * else runs the full path in a transaction, which the recorder's refusal left untouched.
   */
  public UsageRecord record(
      Principal caller, IdempotencyKey key, String productId, Purpose purpose, long quantity, String regionId) {
    return record(caller, key, productId, purpose, quantity, regionId, null);
  }

  /** {@link #record}, keeping {@code tag} (a campaign tag; null for none) on the record. */
  public UsageRecord record(
      Principal caller, IdempotencyKey key, String productId, Purpose purpose, long quantity, String regionId,
      String tag) {
    String usageId = Ids.newId("use");
    UsageRecord answer;
    try {
      answer = recordWithId(caller, key, usageId, productId, purpose, quantity, regionId, tag);
    } catch (DomainException e) {
      // An outage or a lost race is no refusal: the caller retries with the same request ID.
      if (e.code().category() != ErrorCategory.UNAVAILABLE && e.code().category() != ErrorCategory.ABORTED) {
        observer.refused(e.code());
      }
      throw e;
    }
    // A retry is answered with the record its first request wrote, which has another usage ID.
    if (answer.usageId().equals(usageId)) {
      observer.recorded(answer);
    } else {
      observer.replayed(answer);
    }
    return answer;
  }

  /**
   * RecordUsages: many uses of the caller's account, each decided exactly as {@link #record} would
   * decide it alone (same burn-down, pay-as-you-go and alert rules, idempotent by its own request
   * ID), all or nothing per record, not per call, in the order given: a later record of a product
   * sees the earlier ones' deductions. The covered records go to the database together
   * ({@link CoveredUsageRecorder#recordInOrder}: one transaction); each record it leaves to the full
   * path runs there in its own transaction, in order, before any later record of its product is
   * decided (those are offered to the covered path again afterwards). The observer hears of each
   * record as of a {@link #record} call.
   *
   * <p>A refusal by a rule is that record's result. A caller the RPC's rules refuse, or a fault
   * that is not the caller's (the database unavailable, a conflict retried out), fails the whole
   * call: the records decided before it stay recorded, and the call sent again answers them as
   * replays.
   *
   * @param requests 1 or more records, each with its own request ID (no ID twice)
   * @return one result per request, in order
   */
  public List<UsageResult> recordAll(Principal caller, List<UsageRequest> requests) {
    String accountId;
    try {
      accountId = caller.requirePermissions(Permission.PRODUCT_ACCESS);
    } catch (DomainException e) {
      // Each record alone would have been refused so.
      requests.forEach(r -> observer.refused(e.code()));
      throw e;
    }
    Set<String> requestIds = new HashSet<>();
    for (UsageRequest r : requests) {
      if (!r.key().scope().equals(accountId)) {
        throw new IllegalArgumentException("a usage request ID must be scoped by its account");
      }
      if (!requestIds.add(r.key().requestId())) {
        // The API refuses it as bad input before it gets here.
        throw new IllegalArgumentException("request ID " + r.key().requestId() + " twice in one call");
      }
    }
    // One time for the call: its records are decided together.
    Instant now = accountClock.now(accountId);
    List<CoveredUsageRecorder.Item> items = new ArrayList<>(requests.size());
    for (UsageRequest r : requests) {
      items.add(new CoveredUsageRecorder.Item(r.key(), new UsageRecord(accountId, Ids.newId("use"),
          r.key().requestId(), r.productId(), r.purpose(), r.regionId(), r.quantity(), List.of(), r.quantity(), 0,
          null, currency.zero(), now, r.tag())));
    }
    UsageResult[] results = new UsageResult[items.size()];
    List<Integer> pending = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      pending.add(i);
    }
    while (!pending.isEmpty()) {
      List<CoveredUsageRecorder.Outcome> outcomes =
          covered.recordInOrder(pending.stream().map(items::get).toList());
      if (outcomes.size() != pending.size()) {
        throw new IllegalStateException("the covered path answered " + outcomes.size() + " of " + pending.size());
      }
      if (outcomes.get(0) instanceof CoveredUsageRecorder.Deferred) {
        throw new IllegalStateException("the covered path deferred the first record it was offered");
      }
      List<Integer> fullPath = new ArrayList<>();
      List<Integer> deferred = new ArrayList<>();
      for (int k = 0; k < pending.size(); k++) {
        int i = pending.get(k);
        CoveredUsageRecorder.Item item = items.get(i);
        CoveredUsageRecorder.Outcome outcome = outcomes.get(k);
        if (outcome instanceof CoveredUsageRecorder.Recorded recorded) {
          results[i] = decided(item, () -> recorded.record());
        } else if (outcome instanceof CoveredUsageRecorder.Claimed claimed) {
          results[i] = decided(item, () -> firstAnswer(item.key(), claimed.fingerprint(), claimed.record()));
        } else if (outcome instanceof CoveredUsageRecorder.NotCovered) {
          fullPath.add(i);
        } else {
          deferred.add(i);
        }
      }
      // In request order, each in its own transaction, as RecordUsage's full path.
      for (int i : fullPath) {
        CoveredUsageRecorder.Item item = items.get(i);
        results[i] = decided(item, () -> transactor.inTransaction(tx -> recordInTransaction(tx, item.key(), item.draft())));
      }
      pending = deferred;
    }
    return List.of(results);
  }

  /** One record's result, told to the observer as {@link #record} tells it; a fault fails the call. */
  private UsageResult decided(CoveredUsageRecorder.Item item, Supplier<UsageRecord> decision) {
    UsageRecord answer;
    try {
      answer = decision.get();
    } catch (DomainException e) {
      if (e.code().category() == ErrorCategory.UNAVAILABLE || e.code().category() == ErrorCategory.ABORTED) {
        throw e;
      }
      observer.refused(e.code());
      return UsageResult.refused(e);
    }
    if (answer.usageId().equals(item.draft().usageId())) {
      observer.recorded(answer);
      return UsageResult.recorded(answer);
    }
    observer.replayed(answer);
    return UsageResult.replayed(answer);
  }

  /** {@link #record}, writing a new usage record (if any) as {@code usageId}. */
  private UsageRecord recordWithId(
      Principal caller, IdempotencyKey key, String usageId, String productId, Purpose purpose, long quantity,
      String regionId, String tag) {
    String accountId = caller.requirePermissions(Permission.PRODUCT_ACCESS);
    if (!key.scope().equals(accountId)) {
      // Usage records are found by account and request ID (Principal.idempotencyScope).
      throw new IllegalArgumentException("a usage request ID must be scoped by its account");
    }
    // Real accounts: no query (AccountClock remembers them); test accounts: their clock's time.
    Instant now = accountClock.now(accountId);
    UsageRecord draft = new UsageRecord(accountId, usageId, key.requestId(), productId, purpose, regionId, quantity,
        List.of(), quantity, 0, null, currency.zero(), now, tag);
    CoveredUsageRecorder.Outcome quick = covered.record(key, draft);
    if (quick instanceof CoveredUsageRecorder.Recorded recorded) {
      return recorded.record();
    }
    if (quick instanceof CoveredUsageRecorder.Claimed claimed) {
      return firstAnswer(key, claimed.fingerprint(), claimed.record());
    }
    return transactor.inTransaction(tx -> recordInTransaction(tx, key, draft));
  }

  /** A retry's answer: the record its first request wrote, if the content is the same. */
  private static UsageRecord firstAnswer(IdempotencyKey key, byte[] fingerprint, UsageRecord first) {
    if (first == null || !Arrays.equals(fingerprint, key.fingerprint())) {
      throw IdempotentExecutor.reused(key);
    }
    return first;
  }

  /** The answer to a request whose ID already has a usage record; empty when it has none. */
  private static Optional<UsageRecord> firstAnswer(Tx tx, IdempotencyKey key, String accountId) {
    return tx.get(UsageRepository.class).findByRequest(accountId, key.requestId())
        .map(first -> firstAnswer(key, first.fingerprint(), first.record()));
  }

  /**
   * The full path: burn-down, then pay-as-you-go or QUOTA_EXHAUSTED, then the alert rule. The
   * request's usage record is looked for only once the package locks are held (a concurrent
   * duplicate holds them until it commits), and inserted before any side effect: a duplicate
   * without packages to lock waits for the first one's insert instead, then charges nothing.
   */
  private UsageRecord recordInTransaction(Tx tx, IdempotencyKey key, UsageRecord draft) {
    String accountId = draft.accountId();
    String productId = draft.productId();
    Purpose purpose = draft.purpose();
    String regionId = draft.regionId();
    long quantity = draft.quantity();
    Instant now = draft.recordTime();
    Plan plan = plan(tx, accountId, productId, regionId, purpose, now, quantity, true);
    String usageId = draft.usageId();
    Money unitPrice = null;
    Money charge = currency.zero();
    if (plan.rest() > 0) {
      // Only now are the product and region read: when packages cover the request, they exist (a
      // package names both), and the hot path saves two queries.
      Product product = product(tx, productId);
      Regions.require(tx, regionId);
      Optional<Money> price = payAsYouGoPrice(tx, accountId, product, purpose, regionId);
      if (price.isEmpty()) {
        // A request served before the quota ran out gets its first answer, not a refusal.
        return firstAnswer(tx, key, accountId).orElseThrow(() -> exhausted(quantity, plan));
      }
      unitPrice = price.get();
      charge = Money.charge(plan.rest(), unitPrice);
    }
    UsageRecord record =
        new UsageRecord(accountId, usageId, draft.requestId(), productId, purpose, regionId, quantity, plan.deductions(),
            plan.fromPackages(), plan.rest(), unitPrice, charge, now, draft.tag());
    if (!tx.get(UsageRepository.class).insertUnlessRequested(record, key.fingerprint())) {
      // Nothing was paid or deducted yet. No usage record: another RPC's request ID.
      return firstAnswer(tx, key, accountId).orElseThrow(() -> IdempotentExecutor.reused(key));
    }
    if (charge.isPositive()) {
      wallets.pay(tx, accountId, charge, LedgerEntryKind.USAGE_CHARGE, null, usageId,
          "pay-as-you-go " + plan.rest() + " × " + productId + " (" + purpose + ")");
    }
    for (PackageDeduction d : plan.deductions()) {
      tx.get(PackageRepository.class).deduct(accountId, d.packageId(), d.quantity());
      if (exhausted != null) {
        exhausted.afterDeduction(tx, accountId, d.packageId(), d.remainingAfter(), usageId, now);
      }
    }
    // Remaining-quota alerts are per product and exact purpose: check each purpose drawn from.
    plan.deductions().stream()
        .map(PackageDeduction::purpose)
        .distinct()
        .forEach(drawn -> alerts.evaluate(tx, accountId, productId, drawn, now));
    return record;
  }

  /**
   * Read-only: what {@link #record} would do now; nothing is deducted or reserved. Everything it
   * decides from is read in one statement ({@link QuotaFactsReader}, with no transaction around it;
   * concurrent checks may share that statement), under the same rules as the full path: burn-down,
   * then pay-as-you-go at the purpose's price if active, within the wallet.
   */
  public QuotaCheck check(Principal caller, String productId, Purpose purpose, long quantity, String regionId) {
    String accountId = caller.requirePermissions(Permission.PRODUCT_ACCESS);
    // Real accounts: no query (AccountClock remembers them); test accounts: their clock's time.
    Instant now = accountClock.now(accountId);
    QuotaFacts facts =
        quotaFacts.read(new QuotaFactsReader.Request(accountId, productId, regionId, purpose, quantity, now));
    if (!facts.productExists()) {
      throw productNotFound(productId);
    }
    if (!facts.regionExists()) {
      throw Regions.notFound(regionId);
    }
    long fromPackages = facts.packageQuantity();
    long rest = quantity - fromPackages;
    boolean active = facts.payAsYouGoActive();
    if (rest == 0) {
      return new QuotaCheck(true, fromPackages, 0, currency.zero(), active, facts.packageRemaining(), null);
    }
    Optional<Money> price = active ? facts.payAsYouGoUnitPrice() : Optional.empty();
    if (price.isEmpty()) {
      return new QuotaCheck(false, fromPackages, 0, currency.zero(), active, facts.packageRemaining(), ErrorCode.QUOTA_EXHAUSTED);
    }
    Money charge = Money.charge(rest, price.get());
    Money available = facts.wallet().map(Wallet::available).orElse(currency.zero());
    boolean affordable = charge.compareTo(available) <= 0;
    return new QuotaCheck(affordable, fromPackages, rest, charge, active, facts.packageRemaining(),
        affordable ? null : ErrorCode.INSUFFICIENT_BALANCE);
  }

  /**
   * Greedy in burn-down order over the packages that cover the quantity (they arrive ordered, and
   * only as many as it takes); what they all have left comes from the account's totals, so neither
   * reads more packages than the request needs.
   */
  private static Plan plan(
      Tx tx, String accountId, String productId, String regionId, Purpose purpose, Instant now, long quantity,
      boolean lock) {
    PackageRepository packages = tx.get(PackageRepository.class);
    List<PackageDeduction> deductions = new ArrayList<>();
    long need = quantity;
    for (PlanPackage p : packages.usable(accountId, productId, regionId, purpose, now, quantity, lock)) {
      if (need == 0) {
        break;
      }
      long take = Math.min(need, p.remainingQuantity());
      deductions.add(new PackageDeduction(p.packageId(), p.purpose(), take, p.remainingQuantity() - take));
      need -= take;
    }
    long remainingBefore =
        packages.activeTotals(accountId, productId, regionId, now).stream()
            .filter(t -> t.purpose() == purpose || t.purpose() == Purpose.GENERAL)
            .mapToLong(PackageRepository.ActiveTotal::remaining)
            .sum();
    return new Plan(deductions, quantity - need, remainingBefore, need);
  }

  /** The product's pay-as-you-go price for the purpose, if pay-as-you-go is active in the region. */
  private static Optional<Money> payAsYouGoPrice(Tx tx, String accountId, Product product, Purpose purpose, String regionId) {
    Optional<Activation> activation = tx.get(ActivationRepository.class).find(accountId, product.productId(), regionId);
    return activation.isEmpty() ? Optional.empty() : product.payAsYouGoPrice(purpose);
  }

  private static Product product(Tx tx, String productId) {
    return tx.get(ProductRepository.class).find(productId).orElseThrow(() -> productNotFound(productId));
  }

  private static DomainException productNotFound(String productId) {
    return DomainException.notFound(ErrorCode.PRODUCT_NOT_FOUND, "product", productId);
  }

  private static DomainException exhausted(long quantity, Plan plan) {
    return QuotaExhausted.of(quantity, plan.remainingBefore(),
        "packages cover " + plan.fromPackages() + " of " + quantity + " and pay-as-you-go is not active for this product, purpose and region");
  }
}
