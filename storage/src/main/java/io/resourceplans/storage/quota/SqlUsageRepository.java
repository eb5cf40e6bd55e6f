package io.resourceplans.storage.quota;

import io.resourceplans.domain.quota.PackageDeduction;
import io.resourceplans.domain.quota.UsageRecord;
import io.resourceplans.domain.quota.UsageRepository;
import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.money.Money;
import io.resourceplans.domain.quota.RequestAlreadyRecorded;
import io.resourceplans.storage.db.Sql;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link UsageRepository} on {@code usage_records}, in plain JDBC (the hot path). */
public final class SqlUsageRepository implements UsageRepository {
  private final Sql sql;

  public SqlUsageRepository(Sql sql) {
    this.sql = sql;
  }

  /**
   * The record with its deductions (parallel arrays, burn-down order) and its request's
   * fingerprint; sent with the transaction's next round trip. A second record of one request ID
   * inserts nothing (the unique key waits for a concurrent first one to commit or roll back), and
   * the transaction then fails with {@link RequestAlreadyRecorded}.
   */
  @Override
  public void insert(UsageRecord r, byte[] requestFingerprint) {
    sql.later("""
        insert into usage_records (account_id, usage_id, request_id, product_id, purpose, region_id, quantity,
                                   package_quantity, pay_as_you_go_quantity, currency, pay_as_you_go_unit_price,
                                   pay_as_you_go_charge, record_time,
                                   deduction_package_ids, deduction_quantities, deduction_remaining_after,
                                   request_fingerprint)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (account_id, request_id) do nothing
        """,
        1, () -> new RequestAlreadyRecorded(r.requestId()),
        r.accountId(), r.usageId(), r.requestId(), r.productId(), r.purpose().name(), r.regionId(), r.quantity(),
        r.packageQuantity(), r.payAsYouGoQuantity(), r.payAsYouGoCharge().currency(),
        r.payAsYouGoUnitPrice() == null ? null : r.payAsYouGoUnitPrice().amount(),
        r.payAsYouGoCharge().amount(), r.recordTime(),
        new Sql.TextArray(r.deductions().stream().map(PackageDeduction::packageId).toArray(String[]::new)),
        new Sql.BigintArray(r.deductions().stream().map(PackageDeduction::quantity).toArray(Long[]::new)),
        new Sql.BigintArray(r.deductions().stream().map(PackageDeduction::remainingAfter).toArray(Long[]::new)),
        requestFingerprint);
  }

  /** The deductions' purposes come from their packages (a package's purpose never changes). */
  @Override
  public Optional<Recorded> find(String accountId, String requestId) {
    return sql.one("""
        select u.*,
               array(select p.purpose
                       from unnest(u.deduction_package_ids) with ordinality as d (package_id, n)
                       join packages p on p.account_id = u.account_id and p.package_id = d.package_id
                      order by d.n) as deduction_purposes
          from usage_records u
         where u.account_id = ? and u.request_id = ?
        """, SqlUsageRepository::recorded, accountId, requestId);
  }

  private static Recorded recorded(ResultSet rs) throws SQLException {
    String[] packageIds = (String[]) rs.getArray("deduction_package_ids").getArray();
    Long[] quantities = (Long[]) rs.getArray("deduction_quantities").getArray();
    Long[] remainingAfter = (Long[]) rs.getArray("deduction_remaining_after").getArray();
    String[] purposes = (String[]) rs.getArray("deduction_purposes").getArray();
    List<PackageDeduction> deductions = new ArrayList<>();
    for (int i = 0; i < packageIds.length; i++) {
      deductions.add(new PackageDeduction(packageIds[i], Purpose.valueOf(purposes[i]), quantities[i], remainingAfter[i]));
    }
    String currency = rs.getString("currency");
    BigDecimal unitPrice = rs.getBigDecimal("pay_as_you_go_unit_price");
    UsageRecord record =
        new UsageRecord(
            rs.getString("account_id"), rs.getString("usage_id"), rs.getString("request_id"),
            rs.getString("product_id"), Purpose.valueOf(rs.getString("purpose")), rs.getString("region_id"),
            rs.getLong("quantity"), deductions, rs.getLong("package_quantity"), rs.getLong("pay_as_you_go_quantity"),
            unitPrice == null ? null : new Money(unitPrice, currency),
            new Money(rs.getBigDecimal("pay_as_you_go_charge"), currency),
            Sql.instant(rs, "record_time"));
    return new Recorded(record, rs.getBytes("request_fingerprint"));
  }
}
