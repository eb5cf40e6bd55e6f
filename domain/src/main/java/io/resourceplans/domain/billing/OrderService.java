package io.resourceplans.domain.billing;

import javax.inject.Inject;
import javax.inject.Singleton;
import io.resourceplans.domain.quota.PackageRepository;
import io.resourceplans.domain.catalog.ProductRepository;
import io.resourceplans.domain.catalog.PlanSpecRepository;
import io.resourceplans.domain.account.AccountRepository;
import io.resourceplans.domain.account.Account;
import io.resourceplans.domain.alert.AlertService;
import io.resourceplans.domain.auth.Permission;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.catalog.PlanSpec;
import io.resourceplans.domain.catalog.PlanSpecKind;
import io.resourceplans.domain.catalog.Pricing;
import io.resourceplans.domain.catalog.Product;
import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.catalog.Quote;
import io.resourceplans.domain.common.Ids;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.identity.IdentityRules;
import io.resourceplans.domain.money.Money;
import io.resourceplans.domain.notification.Channel;
import io.resourceplans.domain.notification.Notice;
import io.resourceplans.domain.notification.NotificationKind;
import io.resourceplans.domain.notification.Notifier;
import io.resourceplans.domain.webhook.WebhookEventKind;
import io.resourceplans.domain.webhook.WebhookEvents;
import io.resourceplans.domain.webhook.WebhookSettings;
import io.resourceplans.domain.money.SettlementCurrency;
import io.resourceplans.domain.quota.PackageIds;
import io.resourceplans.domain.quota.PlanPackage;
import io.resourceplans.domain.region.Region;
import io.resourceplans.domain.region.Regions;
import io.resourceplans.domain.terms.Terms;
import io.resourceplans.domain.terms.TermsAcceptances;
import io.resourceplans.domain.terms.TermsKind;
import io.resourceplans.domain.terms.TermsService;
import io.resourceplans.domain.tx.Tx;
import io.resourceplans.domain.clock.AccountClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Orders from creation to payment. Payment is one transaction: order row locked, at most one
 * voucher redeemed, the wallet charged (gift, cash, credit), packages issued, order marked paid —
 * or, on any refusal, nothing at all.
 */
@Singleton
public final class OrderService {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private final Clock clock;
  private final AccountClock accountClock;
  private final SettlementCurrency currency;
  private final OrderSettings settings;
  private final TermsService terms;
  private final TermsAcceptances acceptances;
  private final WalletService wallets;
  private final VoucherService vouchers;
  private final AlertService alerts;
  private final Notifier notifier;
  private final WebhookEvents webhooks;

  /** As below, with webhooks delivered on the default schedule. */
  public OrderService(Clock clock, SettlementCurrency currency, OrderSettings settings, TermsService terms, TermsAcceptances acceptances, WalletService wallets, VoucherService vouchers, AlertService alerts, Notifier notifier, AccountClock accountClock) {
    this(clock, currency, settings, terms, acceptances, wallets, vouchers, alerts, notifier, accountClock,
        new WebhookEvents(clock, WebhookSettings.defaults()));
  }

  /** With each account's own time (test clocks). */
  @Inject
  public OrderService(Clock clock, SettlementCurrency currency, OrderSettings settings, TermsService terms, TermsAcceptances acceptances, WalletService wallets, VoucherService vouchers, AlertService alerts, Notifier notifier, AccountClock accountClock, WebhookEvents webhooks) {
    this.webhooks = webhooks;
    this.clock = clock;
    this.currency = currency;
    this.settings = settings;
    this.terms = terms;
    this.acceptances = acceptances;
    this.wallets = wallets;
    this.vouchers = vouchers;
    this.alerts = alerts;
    this.notifier = notifier;
    this.accountClock = accountClock;
  }

  /** Creates a PENDING_PAYMENT order after the identity, region, spec and terms checks. */
  public Order create(Tx tx, Principal caller, NewOrder request) {
    String accountId = caller.requirePermissions(Permission.PRODUCT_ACCESS, Permission.ORDER_ACCESS);
    Account account = tx.get(AccountRepository.class).find(accountId).orElseThrow();
    Region region = Regions.requireOrDefault(tx, request.regionId(), account);
    IdentityRules.requireMayBuyIn(account, region, "buy resource plans");
    PlanSpec spec =
        tx.get(PlanSpecRepository.class).find(request.planSpecId())
            .orElseThrow(() -> DomainException.notFound(ErrorCode.PLAN_SPEC_NOT_FOUND, "plan spec", request.planSpecId()));
    Quote quote = Pricing.quote(spec, request.quantity(), request.purpose());
    currency.require(quote.total(), "plan_spec_id");
    Product product = tx.get(ProductRepository.class).find(spec.productId()).orElseThrow();
    Terms accepted = terms.requireAccepted(tx, TermsKind.RESOURCE_PLAN, request.acceptedTermsVersion());
    Instant now = accountClock.now(tx, accountId);
    Order order =
        new Order(
            accountId,
            Ids.newId("ord"),
            OrderState.PENDING_PAYMENT,
            region.regionId(),
            product.productId(),
            spec.planSpecId(),
            product.displayName(),
            configuration(spec, quote),
            quote.quantity(),
            quote.purpose(),
            quote.issuedQuantity(),
            spec.validityMonths(),
            quote.unitPrice(),
            quote.appliedTier(),
            quote.total(),
            currency.zero(),
            quote.total(),
            accepted.version(),
            now,
            acceptedBy(caller),
            now,
            now.plus(settings.unpaidOrderTtl()),
            null,
            null,
            quote.purposePriceApplied());
    tx.get(OrderRepository.class).insert(order);
    acceptances.record(tx, caller, accepted, "order:" + order.orderId(), now);
    return order;
  }

  public Order get(Tx tx, Principal caller, String orderId) {
    return find(tx, caller.requirePermissions(Permission.ORDER_ACCESS), orderId);
  }

  public Page<Order> list(Tx tx, Principal caller, OrderState state, PageRequest page) {
    String accountId = caller.requirePermissions(Permission.ORDER_ACCESS);
    return tx.get(OrderRepository.class).list(accountId, state, accountClock.now(tx, accountId), page);
  }

  /** Cancels a pending order; cancelling a cancelled one returns it unchanged. */
  public Order cancel(Tx tx, Principal caller, String orderId) {
    String accountId = caller.requirePermissions(Permission.ORDER_ACCESS);
    Order order = lock(tx, accountId, orderId);
    Instant now = accountClock.now(tx, accountId);
    switch (order.state(now)) {
      case CANCELLED -> {
        return order;
      }
      case PAID -> throw refused(ErrorCode.ORDER_ALREADY_PAID, order, "is already paid");
      case EXPIRED -> throw refused(ErrorCode.ORDER_EXPIRED, order, "expired unpaid at " + order.expireTime());
      case PENDING_PAYMENT -> tx.get(OrderRepository.class).markCancelled(accountId, orderId, now);
    }
    return find(tx, accountId, orderId);
  }

  /** Pays a pending order with at most one voucher and then the wallet, all or nothing. */
  public PaidOrder pay(Tx tx, Principal caller, String orderId, String voucherId) {
    String accountId = caller.requirePermissions(Permission.PRODUCT_ACCESS, Permission.ORDER_ACCESS);
    Order order = lock(tx, accountId, orderId);
    Instant now = accountClock.now(tx, accountId);
    switch (order.state(now)) {
      case PAID -> throw refused(ErrorCode.ORDER_ALREADY_PAID, order, "is already paid");
      case CANCELLED -> throw refused(ErrorCode.ORDER_CANCELLED, order, "was cancelled");
      case EXPIRED -> throw refused(ErrorCode.ORDER_EXPIRED, order, "expired unpaid at " + order.expireTime());
      case PENDING_PAYMENT -> { }
    }
    Money discount = voucherId == null ? currency.zero() : vouchers.redeem(tx, accountId, voucherId, order, now);
    Money due = order.listAmount().minus(discount);
    PaymentSplit split =
        due.isPositive()
            ? wallets.pay(tx, accountId, due, LedgerEntryKind.ORDER_PAYMENT, orderId, null, "payment of order " + orderId)
            : new PaymentSplit(currency.zero(), currency.zero(), currency.zero(), List.of());
    Payment payment = new Payment(voucherId, discount, split.gift(), split.cash(), split.credit(), now);
    tx.get(OrderRepository.class).markPaid(accountId, orderId, discount, due, payment);
    List<PlanPackage> issued = issuePackages(tx, order, now);
    // New quota may lift the remaining quantity back to the alert threshold: re-arm it.
    alerts.evaluate(tx, accountId, order.productId(), order.purpose(), now);
    Order paid = find(tx, accountId, orderId);
    Account account = tx.get(AccountRepository.class).find(accountId).orElseThrow();
    Notice notice = paidNotice(paid, issued);
    notifier.queue(tx, account, Channel.all(), notice, now);
    webhooks.emit(tx, accountId, WebhookEventKind.ORDER_PAID, notice.dedupePrefix(), now, paidData(paid, issued));
    return new PaidOrder(paid, issued);
  }

  /** The data of an ORDER_PAID webhook event (docs/webhooks.md). */
  private static Map<String, Object> paidData(Order order, List<PlanPackage> issued) {
    Map<String, Object> data = new java.util.LinkedHashMap<>();
    data.put("orderId", order.orderId());
    data.put("productId", order.productId());
    data.put("resource", order.resource());
    data.put("purpose", order.purpose().name());
    data.put("amount", Map.of(
        "amount", order.totalAmount().amount().toPlainString(), "currency", order.totalAmount().currency()));
    data.put("packageIds", issued.stream().map(PlanPackage::packageId).toList());
    data.put("issuedQuantity", issued.stream().mapToLong(PlanPackage::totalQuantity).sum());
    return data;
  }

  /** The ORDER_PAID notice: one per order (its dedupe key), on the channels the account keeps. */
  private static Notice paidNotice(Order order, List<PlanPackage> issued) {
    long total = issued.stream().mapToLong(PlanPackage::totalQuantity).sum();
    String expiry = issued.isEmpty() ? "" : DATE.format(issued.get(0).expireTime());
    return new Notice(
        NotificationKind.ORDER_PAID,
        Map.of(
            "orderId", order.orderId(),
            "productId", order.productId(),
            "resource", order.resource(),
            "purpose", order.purpose().name(),
            "amount", order.totalAmount().amount().toPlainString() + " " + order.totalAmount().currency(),
            "packageIds", String.join(", ", issued.stream().map(PlanPackage::packageId).toList()),
            "issuedQuantity", Long.toString(total),
            "expiryDate", expiry),
        order.productId(),
        issued.size() == 1 ? issued.get(0).packageId() : "",
        "order-paid:" + order.orderId());
  }

  private List<PlanPackage> issuePackages(Tx tx, Order order, Instant now) {
    PlanSpec spec = tx.get(PlanSpecRepository.class).find(order.planSpecId()).orElseThrow();
    Instant expires = now.atZone(ZoneOffset.UTC).plusMonths(order.validityMonths()).toInstant();
    List<PlanPackage> issued = new ArrayList<>();
    boolean fixed = spec.kind() == PlanSpecKind.FIXED;
    long count = fixed ? order.quantity() : 1;
    // What the order was sold with, even if the spec's package size changed since it was created.
    long each = fixed ? order.issuedQuantity() / order.quantity() : order.issuedQuantity();
    String name = fixed ? spec.displayName() : order.resource() + " (" + label(order.purpose()) + ")";
    for (long i = 0; i < count; i++) {
      PlanPackage pkg =
          new PlanPackage(
              order.accountId(),
              PackageIds.next(order.purpose(), now),
              name,
              order.productId(),
              order.planSpecId(),
              order.purpose(),
              order.regionId(),
              each,
              each,
              order.orderId(),
              now,
              expires);
      tx.get(PackageRepository.class).insert(pkg);
      issued.add(pkg);
    }
    return issued;
  }

  private static String configuration(PlanSpec spec, Quote quote) {
    String what =
        spec.kind() == PlanSpecKind.FIXED
            ? quote.quantity() + " × " + spec.displayName() + " (" + quote.issuedQuantity() + " in total)"
            : String.valueOf(quote.issuedQuantity());
    return what + ", " + label(quote.purpose()) + ", " + spec.validityMonths() + " months";
  }

  static String label(Purpose purpose) {
    return switch (purpose) {
      case VERIFICATION_NOTIFICATION -> "verification/notification";
      case MARKETING -> "marketing";
      case GENERAL -> "general";
    };
  }

  /** The sub-user, else the main-account key, that placed the order (as terms acceptances record it). */
  private static String acceptedBy(Principal caller) {
    return caller.subUserId() != null ? caller.subUserId() : caller.apiKeyId();
  }

  private static Order find(Tx tx, String accountId, String orderId) {
    return tx.get(OrderRepository.class).find(accountId, orderId)
        .orElseThrow(() -> DomainException.notFound(ErrorCode.ORDER_NOT_FOUND, "order", orderId));
  }

  private static Order lock(Tx tx, String accountId, String orderId) {
    return tx.get(OrderRepository.class).lock(accountId, orderId)
        .orElseThrow(() -> DomainException.notFound(ErrorCode.ORDER_NOT_FOUND, "order", orderId));
  }

  private static DomainException refused(ErrorCode code, Order order, String what) {
    return new DomainException(code, "order " + order.orderId() + " " + what, Map.of("order_id", order.orderId()));
  }
}
