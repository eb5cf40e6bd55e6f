package io.resourceplans.storage.quota;

import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.money.Money;
import io.resourceplans.domain.quota.PackageDeduction;
import io.resourceplans.domain.quota.UsageRecord;
import io.resourceplans.storage.db.Sql;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A {@code usage_records} row as a domain {@link UsageRecord}. */
final class UsageRows {
  /** The columns {@link #record} reads, from a usage_records row {@code u}. */
  static final String COLUMNS = """
      u.account_id, u.usage_id, u.request_id, u.product_id, u.purpose, u.region_id, u.quantity,
      u.package_quantity, u.pay_as_you_go_quantity, u.currency, u.pay_as_you_go_unit_price,
      u.pay_as_you_go_charge, u.record_time, u.deduction_package_ids, u.deduction_quantities,
      u.deduction_remaining_after, u.deduction_purposes, u.tag
      """;

  private UsageRows() {}

  static UsageRecord record(ResultSet rs) throws SQLException {
    String[] packageIds = strings(rs.getArray("deduction_package_ids"));
    Long[] quantities = longs(rs.getArray("deduction_quantities"));
    Long[] remainingAfter = longs(rs.getArray("deduction_remaining_after"));
    String[] purposes = strings(rs.getArray("deduction_purposes"));
    if (purposes.length != packageIds.length) {
      throw new IllegalStateException("usage record " + rs.getString("usage_id") + " names a package of no purpose");
    }
    List<PackageDeduction> deductions = new ArrayList<>(packageIds.length);
    for (int i = 0; i < packageIds.length; i++) {
      deductions.add(new PackageDeduction(packageIds[i], Purpose.valueOf(purposes[i]), quantities[i], remainingAfter[i]));
    }
    String currency = rs.getString("currency");
    BigDecimal unitPrice = rs.getBigDecimal("pay_as_you_go_unit_price");
    return new UsageRecord(
        rs.getString("account_id"), rs.getString("usage_id"), rs.getString("request_id"), rs.getString("product_id"),
        Purpose.valueOf(rs.getString("purpose")), rs.getString("region_id"), rs.getLong("quantity"), deductions,
        rs.getLong("package_quantity"), rs.getLong("pay_as_you_go_quantity"),
        unitPrice == null ? null : new Money(unitPrice, currency),
        new Money(rs.getBigDecimal("pay_as_you_go_charge"), currency),
        Sql.instant(rs, "record_time"), rs.getString("tag"));
  }

  private static String[] strings(Array a) throws SQLException {
    return (String[]) a.getArray();
  }

  private static Long[] longs(Array a) throws SQLException {
    return (Long[]) a.getArray();
  }
}
