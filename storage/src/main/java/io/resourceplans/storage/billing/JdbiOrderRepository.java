package io.resourceplans.storage.billing;

import io.resourceplans.domain.billing.Order;
import io.resourceplans.domain.billing.OrderRepository;
import io.resourceplans.domain.billing.OrderState;
import io.resourceplans.domain.billing.Payment;
import io.resourceplans.domain.common.Cursor;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.money.Money;
import java.time.Instant;
import java.util.Optional;

/** {@link OrderRepository} over {@link OrderDao}. */
public final class JdbiOrderRepository implements OrderRepository {
  private final OrderDao dao;

  public JdbiOrderRepository(OrderDao dao) {
    this.dao = dao;
  }

  @Override
  public void insert(Order order) {
    dao.insert(OrderRow.of(order));
  }

  @Override
  public Optional<Order> find(String accountId, String orderId) {
    return dao.find(accountId, orderId).map(OrderRow::toDomain);
  }

  @Override
  public Optional<Order> lock(String accountId, String orderId) {
    return dao.lock(accountId, orderId).map(OrderRow::toDomain);
  }

  @Override
  public void markPaid(String accountId, String orderId, Money voucherDiscount, Money totalAmount, Payment payment) {
    int updated =
        dao.markPaid(
            accountId, orderId, payment.payTime(), payment.voucherId(), voucherDiscount.amount(),
            totalAmount.amount(), payment.gift().amount(), payment.cash().amount(), payment.credit().amount());
    if (updated != 1) {
      throw new IllegalStateException("order was not pending payment under its lock");
    }
  }

  @Override
  public void markCancelled(String accountId, String orderId, Instant cancelTime) {
    if (dao.markCancelled(accountId, orderId, cancelTime) != 1) {
      throw new IllegalStateException("order was not pending payment under its lock");
    }
  }

  @Override
  public Page<Order> list(String accountId, OrderState state, Instant now, PageRequest page) {
    Cursor before = page.after().orElse(null);
    var rows =
        dao.list(
            accountId,
            state == null ? null : state.name(),
            now,
            before == null ? null : before.createTime(),
            before == null ? null : before.id(),
            page.size() + 1);
    return Page.fromOverfetch(
        rows.stream().map(OrderRow::toDomain).toList(), page, o -> new Cursor(o.createTime(), o.orderId()));
  }
}
