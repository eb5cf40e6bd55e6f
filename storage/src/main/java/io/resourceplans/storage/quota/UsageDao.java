package io.resourceplans.storage.quota;

import java.math.BigDecimal;
import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code usage_records} and {@code usage_deductions}. */
public interface UsageDao {
  @SqlUpdate("""
      insert into usage_records (account_id, usage_id, request_id, product_id, purpose, region_id, quantity,
                                 package_quantity, pay_as_you_go_quantity, currency, pay_as_you_go_unit_price,
                                 pay_as_you_go_charge, record_time)
      values (:accountId, :usageId, :requestId, :productId, :purpose, :regionId, :quantity,
              :packageQuantity, :payAsYouGoQuantity, :currency, :unitPrice, :charge, :recordTime)
      """)
  void insertRecord(
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
      @Bind("recordTime") Instant recordTime);

  @SqlBatch("""
      insert into usage_deductions (account_id, usage_id, package_id, quantity, remaining_after)
      values (:accountId, :usageId, :packageId, :quantity, :remainingAfter)
      """)
  void insertDeductions(
      @Bind("accountId") String accountId,
      @Bind("usageId") String usageId,
      @Bind("packageId") Iterable<String> packageIds,
      @Bind("quantity") Iterable<Long> quantities,
      @Bind("remainingAfter") Iterable<Long> remainingAfter);
}
