package io.resourceplans.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.idempotency.IdempotencyKey;
import io.resourceplans.domain.money.Money;
import io.resourceplans.domain.quota.CoveredUsageRecorder.Claimed;
import io.resourceplans.domain.quota.UsageRecord;
import io.resourceplans.storage.db.Migrations;
import io.resourceplans.storage.db.Jdbis;
import io.resourceplans.storage.quota.SqlCoveredUsageRecorder;
import io.resourceplans.storage.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** V11: RecordUsage claims made before it (answer stored as bytes) name their usage record after it. */
class UsageClaimMigrationTest {
  @Test
  void aClaimMadeBeforeV11IsAnsweredFromItsUsageRecordAfterIt() {
    try (TestDatabase db = TestDatabase.create("10")) {
      Jdbi jdbi = Jdbis.create(db.dataSource());
      Instant at = Instant.parse("2026-11-20T10:00:00.123456Z");
      jdbi.useHandle(h -> {
        h.execute("""
            insert into idempotency_records (scope, request_id, fingerprint, response, create_time)
            values ('acc-1', 'req-1', '\\x01', '\\x0a00', ?)
            """, at);
        h.execute("""
            insert into usage_records (account_id, usage_id, request_id, product_id, purpose, region_id, quantity,
                                       package_quantity, pay_as_you_go_quantity, currency, pay_as_you_go_unit_price,
                                       pay_as_you_go_charge, record_time)
            values ('acc-1', 'use-1', 'req-1', 'sms-domestic', 'MARKETING', 'ap-southeast-1', 3, 0, 3, 'CNY',
                    0.045, 0.14, ?)
            """, at);
      });

      Migrations.migrate(db.dataSource());

      var outcome = new SqlCoveredUsageRecorder(db.dataSource()).recordAll(List.of(new SqlCoveredUsageRecorder.Request(
          new IdempotencyKey("acc-1", "req-1", new byte[] {1}),
          new UsageRecord("acc-1", "use-2", "req-1", "sms-domestic", Purpose.MARKETING, "ap-southeast-1", 3, List.of(),
              3, 0, null, Money.zero("CNY"), at)))).get(0);
      assertEquals(
          new UsageRecord("acc-1", "use-1", "req-1", "sms-domestic", Purpose.MARKETING, "ap-southeast-1", 3, List.of(),
              0, 3, Money.of("0.045", "CNY"), Money.of("0.14", "CNY"), at),
          assertInstanceOf(Claimed.class, outcome).record());
    }
  }
}
