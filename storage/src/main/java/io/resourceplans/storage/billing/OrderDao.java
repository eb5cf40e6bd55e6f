package io.resourceplans.storage.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code orders}. EXPIRED is derived: a pending order whose expire time has passed. */
@RegisterConstructorMapper(OrderRow.class)
public interface OrderDao {
  String COLUMNS = """
      account_id, order_id, state, region_id, product_id, plan_spec_id, resource, configuration,
      quantity, purpose, issued_quantity, validity_months, currency, unit_price, tier_min_quantity,
      tier_max_quantity, list_amount, voucher_discount, total_amount, accepted_terms_version,
      terms_accept_time, created_by, create_time, expire_time, cancel_time, pay_time, voucher_id,
      paid_gift, paid_cash, paid_credit, purpose_price_applied
      """;

  @SqlUpdate("insert into orders (" + COLUMNS + """
      ) values (:accountId, :orderId, :state, :regionId, :productId, :planSpecId, :resource,
                :configuration, :quantity, :purpose, :issuedQuantity, :validityMonths, :currency,
                :unitPrice, :tierMinQuantity, :tierMaxQuantity, :listAmount, :voucherDiscount,
                :totalAmount, :acceptedTermsVersion, :termsAcceptTime, :createdBy, :createTime,
                :expireTime, :cancelTime, :payTime, :voucherId, :paidGift, :paidCash, :paidCredit,
                :purposePriceApplied)
      """)
  void insert(@BindMethods OrderRow row);

  @SqlQuery("select " + COLUMNS + " from orders where account_id = :accountId and order_id = :orderId")
  Optional<OrderRow> find(@Bind("accountId") String accountId, @Bind("orderId") String orderId);

  @SqlQuery("select " + COLUMNS + " from orders where account_id = :accountId and order_id = :orderId for update")
  Optional<OrderRow> lock(@Bind("accountId") String accountId, @Bind("orderId") String orderId);

  @SqlUpdate("""
      update orders
         set state = 'PAID', pay_time = :payTime, voucher_id = :voucherId, voucher_discount = :voucherDiscount,
             total_amount = :totalAmount, paid_gift = :gift, paid_cash = :cash, paid_credit = :credit
       where account_id = :accountId and order_id = :orderId and state = 'PENDING_PAYMENT'
      """)
  int markPaid(
      @Bind("accountId") String accountId,
      @Bind("orderId") String orderId,
      @Bind("payTime") Instant payTime,
      @Bind("voucherId") String voucherId,
      @Bind("voucherDiscount") BigDecimal voucherDiscount,
      @Bind("totalAmount") BigDecimal totalAmount,
      @Bind("gift") BigDecimal gift,
      @Bind("cash") BigDecimal cash,
      @Bind("credit") BigDecimal credit);

  @SqlUpdate("""
      update orders set state = 'CANCELLED', cancel_time = :cancelTime
       where account_id = :accountId and order_id = :orderId and state = 'PENDING_PAYMENT'
      """)
  int markCancelled(
      @Bind("accountId") String accountId, @Bind("orderId") String orderId, @Bind("cancelTime") Instant cancelTime);

  @SqlQuery("select " + COLUMNS + """
        from orders
       where account_id = :accountId
         and (cast(:state as text) is null
              or (:state = 'PAID' and state = 'PAID')
              or (:state = 'CANCELLED' and state = 'CANCELLED')
              or (:state = 'PENDING_PAYMENT' and state = 'PENDING_PAYMENT' and expire_time > :now)
              or (:state = 'EXPIRED' and state = 'PENDING_PAYMENT' and expire_time <= :now))
         and (cast(:beforeTime as timestamptz) is null or (create_time, order_id) < (:beforeTime, :beforeId))
       order by create_time desc, order_id desc
       limit :limit
      """)
  List<OrderRow> list(
      @Bind("accountId") String accountId,
      @Bind("state") String state,
      @Bind("now") Instant now,
      @Bind("beforeTime") Instant beforeTime,
      @Bind("beforeId") String beforeId,
      @Bind("limit") int limit);
}
