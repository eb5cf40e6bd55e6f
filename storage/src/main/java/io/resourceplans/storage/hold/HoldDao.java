package io.resourceplans.storage.hold;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL for {@code holds} and {@code hold_allocations} (V25). Every statement names the account but
 * the expiry pass's look-up of due holds, which spans accounts and locks nothing.
 */
@RegisterConstructorMapper(HoldRow.class)
@RegisterConstructorMapper(HoldAllocationRow.class)
@RegisterConstructorMapper(HoldDao.DueRow.class)
public interface HoldDao {
  String COLUMNS = """
      account_id, hold_id, request_id, product_id, purpose, region_id, tag, status, create_time, expire_time,
      finish_time, payg_quantity, payg_captured, payg_released, currency, payg_unit_price, payg_amount,
      payg_from_gift, payg_from_cash, payg_from_credit, payg_released_amount""";

  @SqlUpdate("""
      insert into holds (account_id, hold_id, request_id, product_id, purpose, region_id, tag, quantity,
                         captured_quantity, released_quantity, status, create_time, expire_time, finish_time,
                         payg_quantity, currency, payg_unit_price, payg_amount, payg_from_gift, payg_from_cash,
                         payg_from_credit)
      values (:accountId, :holdId, :requestId, :productId, :purpose, :regionId, :tag, :quantity,
              :captured, :released, :status, :createTime, :expireTime, :finishTime,
              :paygQuantity, :currency, :paygUnitPrice, :paygAmount, :paygFromGift, :paygFromCash, :paygFromCredit)
      """)
  void insert(
      @Bind("accountId") String accountId,
      @Bind("holdId") String holdId,
      @Bind("requestId") String requestId,
      @Bind("productId") String productId,
      @Bind("purpose") String purpose,
      @Bind("regionId") String regionId,
      @Bind("tag") String tag,
      @Bind("quantity") long quantity,
      @Bind("captured") long captured,
      @Bind("released") long released,
      @Bind("status") String status,
      @Bind("createTime") Instant createTime,
      @Bind("expireTime") Instant expireTime,
      @Bind("finishTime") Instant finishTime,
      @Bind("paygQuantity") long paygQuantity,
      @Bind("currency") String currency,
      @Bind("paygUnitPrice") BigDecimal paygUnitPrice,
      @Bind("paygAmount") BigDecimal paygAmount,
      @Bind("paygFromGift") BigDecimal paygFromGift,
      @Bind("paygFromCash") BigDecimal paygFromCash,
      @Bind("paygFromCredit") BigDecimal paygFromCredit);

  @SqlBatch("""
      insert into hold_allocations (account_id, hold_id, position, package_id, purpose, quantity, captured, released)
      values (:accountId, :holdId, :position, :packageId, :purpose, :quantity, :captured, :released)
      """)
  void insertAllocations(
      @Bind("accountId") String accountId,
      @Bind("holdId") String holdId,
      @Bind("position") List<Integer> positions,
      @Bind("packageId") List<String> packageIds,
      @Bind("purpose") List<String> purposes,
      @Bind("quantity") List<Long> quantities,
      @Bind("captured") List<Long> captured,
      @Bind("released") List<Long> released);

  @SqlQuery("select " + COLUMNS + " from holds where account_id = :accountId and hold_id = :holdId")
  Optional<HoldRow> find(@Bind("accountId") String accountId, @Bind("holdId") String holdId);

  @SqlQuery("select " + COLUMNS + " from holds where account_id = :accountId and hold_id = :holdId for update")
  Optional<HoldRow> lock(@Bind("accountId") String accountId, @Bind("holdId") String holdId);

  @SqlQuery("""
      select hold_id, position, package_id, purpose, quantity, captured, released
        from hold_allocations
       where account_id = :accountId and hold_id = any(:holdIds)
       order by hold_id, position
      """)
  List<HoldAllocationRow> allocations(@Bind("accountId") String accountId, @Bind("holdIds") String[] holdIds);

  @SqlUpdate("""
      update holds
         set captured_quantity = :captured, released_quantity = :released, status = :status, finish_time = :finishTime,
             payg_captured = :paygCaptured, payg_released = :paygReleased, payg_released_amount = :paygReleasedAmount
       where account_id = :accountId and hold_id = :holdId
      """)
  int update(
      @Bind("accountId") String accountId,
      @Bind("holdId") String holdId,
      @Bind("captured") long captured,
      @Bind("released") long released,
      @Bind("status") String status,
      @Bind("finishTime") Instant finishTime,
      @Bind("paygCaptured") long paygCaptured,
      @Bind("paygReleased") long paygReleased,
      @Bind("paygReleasedAmount") BigDecimal paygReleasedAmount);

  @SqlBatch("""
      update hold_allocations set captured = :captured, released = :released
       where account_id = :accountId and hold_id = :holdId and position = :position
      """)
  int[] updateAllocations(
      @Bind("accountId") String accountId,
      @Bind("holdId") String holdId,
      @Bind("position") List<Integer> positions,
      @Bind("captured") List<Long> captured,
      @Bind("released") List<Long> released);

  /** Keyset-paged, newest first (holds_newest_first). */
  @SqlQuery("select " + COLUMNS + """
        from holds
       where account_id = :accountId
         and (cast(:status as text) is null or status = :status)
         and (cast(:beforeTime as timestamptz) is null or (create_time, hold_id) < (:beforeTime, :beforeId))
       order by create_time desc, hold_id desc
       limit :limit
      """)
  List<HoldRow> list(
      @Bind("accountId") String accountId,
      @Bind("status") String status,
      @Bind("beforeTime") Instant beforeTime,
      @Bind("beforeId") String beforeId,
      @Bind("limit") int limit);

  /**
   * Active holds past expiry by their account's time: the test clock's for an account on one, else
   * {@code now}. The bound differs per account, so it reads the active holds in expiry order
   * (holds_active_by_expiry holds only active ones) and stops at {@code limit} due ones.
   */
  @SqlQuery("""
      select h.account_id, h.hold_id
        from holds h
        join accounts a on a.account_id = h.account_id
        left join test_clocks c on c.test_clock_id = a.test_clock_id
       where h.status = 'ACTIVE'
         and h.expire_time <= coalesce(c.frozen_time, :now)
       order by h.expire_time
       limit :limit
      """)
  List<DueRow> due(@Bind("now") Instant now, @Bind("limit") int limit);

  /** A due hold's key. */
  record DueRow(String accountId, String holdId) {}

  @SqlQuery("""
      select coalesce(sum(quantity - captured - released), 0)
        from hold_allocations
       where account_id = :accountId and package_id = :packageId and captured + released < quantity
      """)
  long heldOf(@Bind("accountId") String accountId, @Bind("packageId") String packageId);
}
