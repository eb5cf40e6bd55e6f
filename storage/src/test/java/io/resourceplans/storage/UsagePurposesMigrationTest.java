package io.resourceplans.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.quota.PackageDeduction;
import io.resourceplans.domain.quota.UsageRepository;
import io.resourceplans.storage.db.JdbiTransactor;
import io.resourceplans.storage.db.Jdbis;
import io.resourceplans.storage.db.Migrations;
import io.resourceplans.storage.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * V17: a usage record keeps its deductions' purposes itself. Records made before it get them from
 * their packages, in the record's (burn-down) order; from then on a record whose purposes do not
 * match its deductions cannot be stored.
 */
class UsagePurposesMigrationTest {
  private static final Instant AT = Instant.parse("2026-11-20T10:00:00.123456Z");

  @Test
  void recordsMadeBeforeV17GetTheirPackagesPurposesInDeductionOrder() {
    try (TestDatabase db = TestDatabase.create("16")) {
      Jdbi jdbi = Jdbis.create(db.dataSource());
      jdbi.useHandle(h -> {
        // Only the rows this migration reads: the account and order the packages belong to do not matter.
        h.execute("set session_replication_role = replica");
        insertPackage(h, "pkg-general", "GENERAL");
        insertPackage(h, "pkg-marketing", "MARKETING");
        h.execute("""
            insert into usage_records (account_id, usage_id, request_id, product_id, purpose, region_id, quantity,
                                       package_quantity, pay_as_you_go_quantity, currency, pay_as_you_go_charge,
                                       record_time, deduction_package_ids, deduction_quantities,
                                       deduction_remaining_after, fingerprint)
            values ('acc-1', 'use-1', 'req-1', 'sms-domestic', 'MARKETING', 'cn-hangzhou', 7, 7, 0, 'CNY', 0, ?,
                    '{pkg-marketing,pkg-general}', '{5,2}', '{0,98}', '\\x01')
            """, AT);
      });

      Migrations.migrate(db.dataSource());

      List<PackageDeduction> deductions = new JdbiTransactor(jdbi)
          .readOnly(tx -> tx.get(UsageRepository.class).findByRequest("acc-1", "req-1"))
          .orElseThrow().record().deductions();
      assertEquals(List.of(
              new PackageDeduction("pkg-marketing", Purpose.MARKETING, 5, 0),
              new PackageDeduction("pkg-general", Purpose.GENERAL, 2, 98)),
          deductions);
      // One purpose per deduction, from now on.
      assertThrows(Exception.class, () -> jdbi.useHandle(h -> h.execute("""
          update usage_records set deduction_purposes = '{MARKETING}' where usage_id = 'use-1'
          """)));
    }
  }

  private static void insertPackage(Handle h, String packageId, String purpose) {
    h.execute("""
        insert into packages (account_id, package_id, display_name, product_id, plan_spec_id, purpose, region_id,
                              total_quantity, remaining_quantity, order_id, purchase_time, expire_time)
        values ('acc-1', ?, 'SMS', 'sms-domestic', 'spec-1', ?, 'cn-hangzhou', 100, 100, 'ord-1', ?, ?)
        """, packageId, purpose, AT, AT.plusSeconds(86_400));
  }
}
