package io.resourceplans.domain.hold;

import io.resourceplans.domain.alert.AlertService;
import io.resourceplans.domain.auth.Permission;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.activation.ActivationRepository;
import io.resourceplans.domain.billing.LedgerEntryKind;
import io.resourceplans.domain.billing.PaymentSplit;
import io.resourceplans.domain.billing.WalletService;
import io.resourceplans.domain.catalog.Product;
import io.resourceplans.domain.catalog.ProductRepository;
import io.resourceplans.domain.money.Money;
import java.util.Optional;
import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.clock.AccountClock;
import io.resourceplans.domain.common.Ids;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.idempotency.IdempotencyKey;
import io.resourceplans.domain.idempotency.IdempotentExecutor;
import io.resourceplans.domain.money.SettlementCurrency;
import io.resourceplans.domain.quota.PackageDeduction;
import io.resourceplans.domain.quota.PackageExhaustedEvents;
import io.resourceplans.domain.quota.PackageRepository;
import io.resourceplans.domain.quota.PlanPackage;
import io.resourceplans.domain.quota.QuotaExhausted;
import io.resourceplans.domain.quota.UsageRecord;
import io.resourceplans.domain.quota.UsageRepository;
import io.resourceplans.domain.region.Regions;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.domain.tx.Tx;
import io.resourceplans.domain.webhook.WebhookEventKind;
import io.resourceplans.domain.webhook.WebhookEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Quota holds (docs/holds.md). A reservation takes its units from the packages at once, in the
 * burn-down order of {@link PackageRepository#usable} (the one rule RecordUsage follows, with the
 * same package locks in the same order), so nothing else on the usage path has to know about holds:
 * held units are simply no longer in any package's remaining quantity, nor in the account's totals.
 * A capture writes a usage record of units the hold already took; a release (or the expiry pass)
 * gives each package back what the hold still holds of it. The hold's row lock orders captures and
 * releases of one hold; every change is one transaction, so a hold's units are always either in a
 * package, in the hold, or in a usage record.
 */
@Singleton
public final class HoldService {
  /** Holds a pass of {@link #expireDue} looks at, at most. */
  static final int EXPIRY_BATCH = 100;

  private final AccountClock accountClock;
  private final AlertService alerts;
  private final WebhookEvents webhooks;
  private final Transactor transactor;
  private final SettlementCurrency currency;
  private final WalletService wallets;
  private final PackageExhaustedEvents exhausted;
  private final HoldObserver observer;

  @Inject
  public HoldService(
      AccountClock accountClock, AlertService alerts, WebhookEvents webhooks, Transactor transactor,
      SettlementCurrency currency, WalletService wallets, PackageExhaustedEvents exhausted, HoldObserver observer) {
    this.observer = observer;
    this.wallets = wallets;
    this.exhausted = exhausted;
    this.accountClock = accountClock;
    this.alerts = alerts;
    this.webhooks = webhooks;
    this.transactor = transactor;
    this.currency = currency;
  }

  /** A capture's usage record and the hold after it. */
  public record Capture(UsageRecord usageRecord, Hold hold) {}

  /**
   * ReserveUsage: holds {@code quantity} from the packages that would cover a RecordUsage of it
   * now, and the rest pay-as-you-go where it is active (its money taken from the wallet now), or
   * refuses (QUOTA_EXHAUSTED, INSUFFICIENT_BALANCE) having held nothing. Alerts see the packages'
   * new remaining quantity (a crossing fires here, once).
   */
  public Hold reserve(
      Tx tx, Principal caller, String requestId, String productId, Purpose purpose, String regionId, long quantity,
      Duration ttl, String tag) {
    String accountId = caller.requirePermissions(Permission.PRODUCT_ACCESS);
    Instant now = accountClock.now(tx, accountId);
    PackageRepository packages = tx.get(PackageRepository.class);
    List<HoldAllocation> allocations = new ArrayList<>();
    List<Long> remainingBefore = new ArrayList<>();
    long need = quantity;
    for (PlanPackage p : packages.usable(accountId, productId, regionId, purpose, now, quantity, true)) {
      if (need == 0) {
        break;
      }
      long take = Math.min(need, p.remainingQuantity());
      allocations.add(new HoldAllocation(p.packageId(), p.purpose(), take, 0, 0));
      remainingBefore.add(p.remainingQuantity());
      need -= take;
    }
    PayAsYouGoPart payg = null;
    String holdId = Ids.newId("hld");
    if (need > 0) {
      // Packages name their product and region; without enough of them, say which is missing first.
      Product product = tx.get(ProductRepository.class).find(productId)
          .orElseThrow(() -> DomainException.notFound(ErrorCode.PRODUCT_NOT_FOUND, "product", productId));
      Regions.require(tx, regionId);
      Optional<Money> price = tx.get(ActivationRepository.class).find(accountId, productId, regionId).isPresent()
          ? product.payAsYouGoPrice(purpose)
          : Optional.empty();
      if (price.isEmpty()) {
        long available = packages.activeTotals(accountId, productId, regionId, now).stream()
            .filter(t -> t.purpose() == purpose || t.purpose() == Purpose.GENERAL)
            .mapToLong(PackageRepository.ActiveTotal::remaining)
            .sum();
        throw QuotaExhausted.of(quantity, available, "packages cover " + (quantity - need) + " of " + quantity
            + " and pay-as-you-go is not active for this product, purpose and region");
      }
      // As the usage path: the packages are locked, then the wallet.
      Money amount = Money.charge(need, price.get());
      PaymentSplit paid = wallets.pay(tx, accountId, amount, LedgerEntryKind.HOLD, null, null,
          "hold " + holdId + ": pay-as-you-go " + need + " × " + productId + " (" + purpose + ")");
      payg = new PayAsYouGoPart(need, 0, 0, price.get(), amount, paid.gift(), paid.cash(), paid.credit(),
          currency.zero());
    }
    for (HoldAllocation a : allocations) {
      packages.deduct(accountId, a.packageId(), a.quantity());
    }
    for (int i = 0; i < allocations.size(); i++) {
      // Every allocation but the last takes all its package had; the last, maybe.
      exhausted.afterDeduction(tx, accountId, allocations.get(i).packageId(),
          remainingBefore.get(i) - allocations.get(i).quantity(), holdId, now);
    }
    Hold hold = new Hold(accountId, holdId, requestId, productId, purpose, regionId, tag,
        HoldStatus.ACTIVE, now, now.plus(ttl), null, allocations, payg);
    tx.get(HoldRepository.class).insert(hold);
    evaluateAlerts(tx, hold, allocations, now);
    return hold;
  }

  /**
   * CaptureUsage: a usage record of {@code quantity} units the hold holds, taken from its first
   * allocations first; the packages are not touched (the units left them at reservation). The
   * record's request ID is the capture's, its tag the hold's, and its deductions give each
   * package's remaining quantity now.
   */
  public Capture capture(Tx tx, Principal caller, String holdId, long quantity, IdempotencyKey key) {
    String accountId = caller.requirePermissions(Permission.PRODUCT_ACCESS);
    Hold hold = lockActive(tx, accountId, holdId);
    Instant now = accountClock.now(tx, accountId);
    if (hold.expiredAt(now)) {
      throw new DomainException(ErrorCode.HOLD_EXPIRED, "hold " + holdId + " expired at " + hold.expireTime(),
          Map.of("hold_id", holdId, "expire_time", hold.expireTime().toString()));
    }
    if (quantity > hold.held()) {
      throw new DomainException(ErrorCode.HOLD_QUANTITY_EXCEEDED,
          "hold " + holdId + " holds " + hold.held() + ", not " + quantity,
          Map.of("hold_id", holdId, "held", Long.toString(hold.held())));
    }
    List<HoldAllocation> taken = new ArrayList<>();
    Hold after = hold.capture(quantity, now, taken);
    PackageRepository packages = tx.get(PackageRepository.class);
    List<PackageDeduction> deductions = new ArrayList<>(taken.size());
    for (HoldAllocation t : taken) {
      long remaining = packages.find(accountId, t.packageId()).orElseThrow().remainingQuantity();
      deductions.add(new PackageDeduction(t.packageId(), t.purpose(), t.quantity(), remaining));
    }
    long fromPackages = taken.stream().mapToLong(HoldAllocation::quantity).sum();
    long payAsYouGo = quantity - fromPackages;
    // Charged cumulatively: the hold's captures together charge its captured units once rounded.
    Money charge = payAsYouGo == 0 ? currency.zero() : hold.payAsYouGo().chargeOf(payAsYouGo);
    UsageRecord record = new UsageRecord(accountId, Ids.newId("use"), key.requestId(), hold.productId(),
        hold.purpose(), hold.regionId(), quantity, deductions, fromPackages, payAsYouGo,
        payAsYouGo == 0 ? null : hold.payAsYouGo().unitPrice(), charge, now,
        hold.tag().isEmpty() ? null : hold.tag());
    if (!tx.get(UsageRepository.class).insertCaptured(record, key.fingerprint())) {
      // A usage record already has this request ID (a RecordUsage's, or a capture's whose
      // idempotency record was purged): never a second record for one ID.
      throw IdempotentExecutor.reused(key);
    }
    tx.get(HoldRepository.class).update(after);
    return new Capture(record, after);
  }

  /** ReleaseUsage: gives back what the hold still holds (status RELEASED). */
  public Hold release(Tx tx, Principal caller, String holdId) {
    String accountId = caller.requirePermissions(Permission.PRODUCT_ACCESS);
    Hold hold = lockActive(tx, accountId, holdId);
    return releaseRest(tx, hold, HoldStatus.RELEASED, accountClock.now(tx, accountId));
  }

  public Hold get(Tx tx, Principal caller, String holdId) {
    String accountId = caller.requirePermissions(Permission.PRODUCT_ACCESS);
    return tx.get(HoldRepository.class).find(accountId, holdId).orElseThrow(() -> notFound(holdId));
  }

  public Page<Hold> list(Tx tx, Principal caller, HoldStatus status, PageRequest page) {
    String accountId = caller.requirePermissions(Permission.PRODUCT_ACCESS);
    return tx.get(HoldRepository.class).list(accountId, status, page);
  }

  /**
   * The expiry pass: releases active holds past their expire time (each account's time) as
   * EXPIRED, one transaction each, with a {@code hold.expired} webhook event. Replicas may run it
   * at once: each hold is decided under its row lock, and one that is no longer active is skipped,
   * so each expires once. Returns how many it expired.
   */
  public int expireDue(Instant now) {
    int expired = 0;
    for (HoldRepository.Due due : transactor.readOnly(tx -> tx.get(HoldRepository.class).due(now, EXPIRY_BATCH))) {
      Hold hold = transactor.inTransaction(tx -> expire(tx, due));
      if (hold != null) {
        observer.expired(hold);
        expired++;
      }
    }
    return expired;
  }

  /** The hold as expired, or null when it was no longer active or not yet past its expiry. */
  private Hold expire(Tx tx, HoldRepository.Due due) {
    Hold hold = tx.get(HoldRepository.class).lock(due.accountId(), due.holdId()).orElse(null);
    if (hold == null || hold.status() != HoldStatus.ACTIVE) {
      return null;
    }
    Instant now = accountClock.now(tx, hold.accountId());
    if (!hold.expiredAt(now)) {
      return null;
    }
    Hold expired = releaseRest(tx, hold, HoldStatus.EXPIRED, now);
    webhooks.emit(tx, hold.accountId(), WebhookEventKind.HOLD_EXPIRED, "hold-expired:" + hold.holdId(), now,
        expiredData(expired));
    return expired;
  }

  /** Gives each package what the hold still holds of it, in allocation (burn-down) order: the lock order. */
  private Hold releaseRest(Tx tx, Hold hold, HoldStatus status, Instant now) {
    PackageRepository packages = tx.get(PackageRepository.class);
    List<HoldAllocation> given = new ArrayList<>();
    for (HoldAllocation a : hold.allocations()) {
      if (a.held() > 0) {
        packages.restore(hold.accountId(), a.packageId(), a.held());
        given.add(a);
      }
    }
    Hold after = hold.releaseRest(status, now);
    PayAsYouGoPart payg = after.payAsYouGo();
    if (payg != null && payg.releasedAmount().isPositive()) {
      wallets.giveBack(tx, hold.accountId(), payg.releasedAmount(), payg.fromGift(), payg.fromCash(), payg.fromCredit(),
          LedgerEntryKind.HOLD_RELEASE, "hold " + hold.holdId() + " " + status.name().toLowerCase(java.util.Locale.ROOT)
              + ": pay-as-you-go " + payg.released() + " × " + hold.productId() + " not captured");
    }
    tx.get(HoldRepository.class).update(after);
    evaluateAlerts(tx, hold, given, now);
    return after;
  }

  /** The alert rule for each purpose whose packages the hold changed (a crossing, or a re-arm). */
  private void evaluateAlerts(Tx tx, Hold hold, List<HoldAllocation> changed, Instant now) {
    Set<Purpose> purposes = new LinkedHashSet<>();
    changed.forEach(a -> purposes.add(a.purpose()));
    for (Purpose p : purposes) {
      alerts.evaluate(tx, hold.accountId(), hold.productId(), p, now);
    }
  }

  private static Hold lockActive(Tx tx, String accountId, String holdId) {
    Hold hold = tx.get(HoldRepository.class).lock(accountId, holdId).orElseThrow(() -> notFound(holdId));
    if (hold.status() != HoldStatus.ACTIVE) {
      throw new DomainException(ErrorCode.HOLD_NOT_ACTIVE, "hold " + holdId + " is " + hold.status(),
          Map.of("hold_id", holdId, "status", hold.status().name()));
    }
    return hold;
  }

  private static DomainException notFound(String holdId) {
    return DomainException.notFound(ErrorCode.HOLD_NOT_FOUND, "hold", holdId);
  }

  /** The data of a {@code hold.expired} webhook event (docs/webhooks.md). */
  private static Map<String, Object> expiredData(Hold h) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("holdId", h.holdId());
    data.put("productId", h.productId());
    data.put("purpose", h.purpose().name());
    data.put("regionId", h.regionId());
    data.put("tag", h.tag());
    data.put("quantity", h.quantity());
    data.put("capturedQuantity", h.captured());
    data.put("releasedQuantity", h.released());
    data.put("expireTime", h.expireTime().toString());
    return data;
  }
}
