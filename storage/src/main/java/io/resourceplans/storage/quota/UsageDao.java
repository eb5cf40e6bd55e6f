package io.resourceplans.storage.quota;

import java.math.BigDecimal;
import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code usage_records} and {@code usage_deductions}. */
public interface UsageDao {
  /**
   * The record and its deductions in one statement (one round trip on the hot path). The
   * deductions' foreign key to the record is checked at the end of the statement, when the
   * record's row exists.
   */
  @SqlUpdate("""
      with record as (
        insert into usage_records (account_id, usage_id, request_id, product_id, purpose, region_id, quantity,
                                   package_quantity, pay_as_you_go_quantity, currency, pay_as_you_go_unit_price,
                                   pay_as_you_go_charge, record_time)
        values (:accountId, :usageId, :requestId, :productId, :purpose, :regionId, :quantity,
                :packageQuantity, :payAsYouGoQuantity, :currency, :unitPrice, :charge, :recordTime)
      )
      insert into usage_deductions (account_id, usage_id, package_id, quantity, remaining_after)
      select :accountId, :usageId, d.package_id, d.quantity, d.remaining_after
        from unnest(cast(:packageIds as text[]), cast(:quantities as bigint[]), cast(:remainingAfter as bigint[]))
             as d (package_id, quantity, remaining_after)
      """)
  void insert(
      @Bind("accountId") String accountId,
      @Bind("usageId") String usageId,
      @Bind("requestId") String requestId,
      @Bind("productId") String productId,
      @Bind("purpose") String purpose,
      @Bind("regionId") String regionId,
      @Bind("quantity") long quantity,
      @Bind("packageQuantity") long packageQuantity,
      @Bind("payAsYouGoQuantity") long payAsYouGoQuantity,
      @Bind("currency") String currency,
      @Bind("unitPrice") BigDecimal unitPrice,
      @Bind("charge") BigDecimal charge,
      @Bind("recordTime") Instant recordTime,
      @Bind("packageIds") String[] packageIds,
      @Bind("quantities") Long[] quantities,
      @Bind("remainingAfter") Long[] remainingAfter);
}
