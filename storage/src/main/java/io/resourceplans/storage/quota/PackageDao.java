package io.resourceplans.storage.quota;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL for {@code packages}. Status is derived, as in the console: remaining 0 = EXHAUSTED, else past
 * expiry = EXPIRED, else ACTIVE.
 */
@RegisterConstructorMapper(PackageRow.class)
@RegisterConstructorMapper(ActiveTotalRow.class)
public interface PackageDao {
  String COLUMNS = """
      account_id, package_id, display_name, product_id, plan_spec_id, purpose, region_id,
      total_quantity, remaining_quantity, order_id, purchase_time, expire_time
      """;

  @SqlUpdate("insert into packages (" + COLUMNS + """
      ) values (:accountId, :packageId, :displayName, :productId, :planSpecId, :purpose, :regionId,
                :totalQuantity, :remainingQuantity, :orderId, :purchaseTime, :expireTime)
      """)
  void insert(@BindMethods PackageRow row);

  @SqlQuery("select " + COLUMNS + " from packages where account_id = :accountId and package_id = :packageId")
  Optional<PackageRow> find(@Bind("accountId") String accountId, @Bind("packageId") String packageId);

  @SqlQuery("select " + COLUMNS + " from packages where account_id = :accountId and order_id = :orderId order by package_id")
  List<PackageRow> byOrder(@Bind("accountId") String accountId, @Bind("orderId") String orderId);

  @SqlQuery("select " + COLUMNS + """
        from packages
       where account_id = :accountId
         and (cast(:productId as text) is null or product_id = :productId)
         and (cast(:purpose as text) is null or purpose = :purpose)
         and (cast(:regionId as text) is null or region_id = :regionId)
         and (cast(:status as text) is null
              or (:status = 'EXHAUSTED' and remaining_quantity = 0)
              or (:status = 'EXPIRED' and remaining_quantity > 0 and expire_time <= :now)
              or (:status = 'ACTIVE' and remaining_quantity > 0 and expire_time > :now))
         and (cast(:beforeTime as timestamptz) is null or (purchase_time, package_id) < (:beforeTime, :beforeId))
       order by purchase_time desc, package_id desc
       limit :limit
      """)
  List<PackageRow> list(
      @Bind("accountId") String accountId,
      @Bind("productId") String productId,
      @Bind("purpose") String purpose,
      @Bind("regionId") String regionId,
      @Bind("status") String status,
      @Bind("now") Instant now,
      @Bind("beforeTime") Instant beforeTime,
      @Bind("beforeId") String beforeId,
      @Bind("limit") int limit);

  @SqlQuery("""
      select product_id, purpose, sum(remaining_quantity) as remaining, count(*) as packages
        from packages
       where account_id = :accountId
         and (cast(:productId as text) is null or product_id = :productId)
         and (cast(:regionId as text) is null or region_id = :regionId)
         and remaining_quantity > 0 and expire_time > :now
       group by product_id, purpose
       order by product_id, purpose
      """)
  List<ActiveTotalRow> activeTotals(
      @Bind("accountId") String accountId,
      @Bind("productId") String productId,
      @Bind("regionId") String regionId,
      @Bind("now") Instant now);

  /** In burn-down order, as the usage path locks them, so the two never wait for each other in a circle. */
  @SqlQuery("""
      select package_id from packages
       where account_id = :accountId and product_id = :productId and purpose = :purpose
         and remaining_quantity > 0 and expire_time > :now
       order by rp_burn_down_key(purpose, :purpose, expire_time, purchase_time, package_id)
         for share
      """)
  List<String> shareLockActive(
      @Bind("accountId") String accountId,
      @Bind("productId") String productId,
      @Bind("purpose") String purpose,
      @Bind("now") Instant now);
}
