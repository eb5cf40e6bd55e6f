package io.resourceplans.domain.billing;

import javax.inject.Inject;
import javax.inject.Singleton;
import io.resourceplans.domain.catalog.ProductRepository;
import io.resourceplans.domain.account.AccountRepository;
import io.resourceplans.domain.auth.Permission;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.common.Ids;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.money.Money;
import io.resourceplans.domain.money.SettlementCurrency;
import io.resourceplans.domain.tx.Tx;
import io.resourceplans.domain.clock.AccountClock;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Issuing, listing and redeeming vouchers. */
@Singleton
public final class VoucherService {
  private final Clock clock;
  private final AccountClock accountClock;
  private final SettlementCurrency currency;

  /** With each account's own time (test clocks). */
  @Inject
  public VoucherService(Clock clock, SettlementCurrency currency, AccountClock accountClock) {
    this.clock = clock;
    this.currency = currency;
    this.accountClock = accountClock;
  }

  /** Operator issues a voucher to an account. */
  public Voucher issue(
      Tx tx, Principal caller, String accountId, Money amount, String productId, Money minimum, Instant expireTime) {
    caller.requireOperator();
    currency.require(amount, "amount");
    Money min = minimum == null ? currency.zero() : currency.require(minimum, "minimum_order_amount");
    if (!amount.isWholeCents() || !min.isWholeCents()) {
      throw DomainException.invalid(amount.isWholeCents() ? "minimum_order_amount" : "amount", "must have at most 2 decimal places");
    }
    Instant now = accountClock.now(tx, accountId);
    if (!expireTime.isAfter(now)) {
      throw DomainException.invalid("expire_time", "must be in the future");
    }
    tx.get(AccountRepository.class).find(accountId).orElseThrow(() -> DomainException.notFound(ErrorCode.ACCOUNT_NOT_FOUND, "account", accountId));
    if (productId != null) {
      tx.get(ProductRepository.class).find(productId).orElseThrow(() -> DomainException.notFound(ErrorCode.PRODUCT_NOT_FOUND, "product", productId));
    }
    Voucher voucher = new Voucher(accountId, Ids.newId("vch"), amount, productId, min, now, expireTime, null, null);
    tx.get(VoucherRepository.class).insert(voucher);
    return voucher;
  }

  /** The caller's vouchers; with an order, only those usable for it now. */
  public Page<Voucher> list(Tx tx, Principal caller, VoucherState state, String usableForOrderId, PageRequest page) {
    String accountId = caller.requirePermissions(Permission.ORDER_ACCESS);
    Instant now = accountClock.now(tx, accountId);
    if (usableForOrderId == null) {
      return tx.get(VoucherRepository.class).list(accountId, state, now, page);
    }
    Order order =
        tx.get(OrderRepository.class).find(accountId, usableForOrderId)
            .orElseThrow(() -> DomainException.notFound(ErrorCode.ORDER_NOT_FOUND, "order", usableForOrderId));
    Page<Voucher> available = tx.get(VoucherRepository.class).list(accountId, VoucherState.AVAILABLE, now, page);
    List<Voucher> usable =
        available.items().stream().filter(v -> v.appliesTo(order.productId(), order.listAmount())).toList();
    return new Page<>(usable, available.nextPageToken());
  }

  /**
   * Redeems a voucher against an order: locks it, checks state, scope and minimum, marks it used
   * (once, ever) and returns the discount, min(amount, order total).
   */
  Money redeem(Tx tx, String accountId, String voucherId, Order order, Instant now) {
    Voucher v =
        tx.get(VoucherRepository.class).lock(accountId, voucherId)
            .orElseThrow(() -> DomainException.notFound(ErrorCode.VOUCHER_NOT_FOUND, "voucher", voucherId));
    switch (v.state(now)) {
      case USED -> throw new DomainException(ErrorCode.VOUCHER_ALREADY_USED, "voucher " + voucherId + " was already used", Map.of("voucher_id", voucherId));
      case EXPIRED -> throw new DomainException(ErrorCode.VOUCHER_EXPIRED, "voucher " + voucherId + " has expired", Map.of("voucher_id", voucherId));
      case AVAILABLE -> { }
    }
    if (!v.appliesTo(order.productId(), order.listAmount())) {
      throw new DomainException(
          ErrorCode.VOUCHER_NOT_APPLICABLE,
          "voucher " + voucherId + " does not apply to this order (product scope or minimum order amount)",
          Map.of("voucher_id", voucherId));
    }
    if (!tx.get(VoucherRepository.class).markUsed(accountId, voucherId, order.orderId(), now)) {
      throw new DomainException(ErrorCode.VOUCHER_ALREADY_USED, "voucher " + voucherId + " was already used", Map.of("voucher_id", voucherId));
    }
    return v.amount().min(order.listAmount());
  }
}
