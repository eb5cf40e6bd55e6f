package io.resourceplans.domain.billing;

import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.money.Money;
import java.time.Instant;
import java.util.Optional;

/** Orders, scoped by account. */
public interface OrderRepository {
  void insert(Order order);

  Optional<Order> find(String accountId, String orderId);

  /** The order, locked until the transaction ends: payment and cancellation go through this. */
  Optional<Order> lock(String accountId, String orderId);

  /** Records the payment of a locked pending order. */
  void markPaid(String accountId, String orderId, Money voucherDiscount, Money totalAmount, Payment payment);

  void markCancelled(String accountId, String orderId, Instant cancelTime);

  /** Newest first; a null state matches every order (EXPIRED is derived with {@code now}). */
  Page<Order> list(String accountId, OrderState state, Instant now, PageRequest page);

}
