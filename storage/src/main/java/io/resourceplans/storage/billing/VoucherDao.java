package io.resourceplans.storage.billing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code vouchers}. State is derived: used, else expired by the clock, else available. */
@RegisterConstructorMapper(VoucherRow.class)
public interface VoucherDao {
  String COLUMNS = """
      account_id, voucher_id, amount, currency, product_id, minimum_order_amount, issue_time,
      expire_time, used_order_id, use_time
      """;

  @SqlUpdate("""
      insert into vouchers (account_id, voucher_id, amount, currency, product_id, minimum_order_amount,
                            issue_time, expire_time, used_order_id, use_time)
      values (:accountId, :voucherId, :amount, :currency, :productId, :minimumOrderAmount,
              :issueTime, :expireTime, :usedOrderId, :useTime)
      """)
  void insert(@BindMethods VoucherRow row);

  @SqlQuery("select " + COLUMNS + " from vouchers where account_id = :accountId and voucher_id = :voucherId for update")
  Optional<VoucherRow> lock(@Bind("accountId") String accountId, @Bind("voucherId") String voucherId);

  @SqlUpdate("""
      update vouchers set used_order_id = :orderId, use_time = :useTime
       where account_id = :accountId and voucher_id = :voucherId and used_order_id is null
      """)
  int markUsed(
      @Bind("accountId") String accountId,
      @Bind("voucherId") String voucherId,
      @Bind("orderId") String orderId,
      @Bind("useTime") Instant useTime);

  @SqlQuery("select " + COLUMNS + """
        from vouchers
       where account_id = :accountId
         and (cast(:state as text) is null
              or (:state = 'USED' and used_order_id is not null)
              or (:state = 'EXPIRED' and used_order_id is null and expire_time <= :now)
              or (:state = 'AVAILABLE' and used_order_id is null and expire_time > :now))
         and (cast(:afterTime as timestamptz) is null or (expire_time, voucher_id) > (:afterTime, :afterId))
       order by expire_time, voucher_id
       limit :limit
      """)
  List<VoucherRow> list(
      @Bind("accountId") String accountId,
      @Bind("state") String state,
      @Bind("now") Instant now,
      @Bind("afterTime") Instant afterTime,
      @Bind("afterId") String afterId,
      @Bind("limit") int limit);
}
